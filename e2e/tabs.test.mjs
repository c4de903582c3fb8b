// Nothing lost, ever: two tabs of one browser (one storage), data from a newer version,
// unreadable text with a full storage, share links. Every test fails on any loss, and,
// as everywhere, on any console error.

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { start, open, reload, goto, seed, saved, listed, linkTo, axe, shot } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

const paper = (id, title, authors = 3) => ({ id, kind: "paper", date: "2022-06-01", venue: "national", authors, title });
const TWO = { year: 2022, activities: [paper("a1", "甲论文"), paper("a2", "乙论文")] };
const titlesIn = (input) => input.activities.map((a) => a.title);
const waitListed = (page, titles) => page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll("#acts li.act .act-name")].map((e) => e.textContent)) === want, JSON.stringify(titles));

async function addPaper(page, title, authors = "3") {
  await page.selectOption("#f-kind", "paper");
  await page.fill("#f-date", "2022-06-01");
  await page.fill("#f-title", title);
  await page.fill("#f-authors", authors);
  await page.click("#f-submit");
}

/** Edits the authors of the entry titled `title` through the form (left open unless `save`). */
async function editAuthors(page, title, authors, { save = true } = {}) {
  await page.click(`#acts li.act:has(.act-name:text-is("${title}")) [data-action="edit"]`);
  await page.fill("#f-authors", authors);
  if (save) await page.click("#f-submit");
}

const removeEntry = (page, title) => page.click(`#acts li.act:has(.act-name:text-is("${title}")) [data-action="remove"]`);
const authorsOf = (input, title) => input.activities.find((a) => a.title === title)?.authors;

describe("two tabs", () => {
  it("see each other's changes, with a revision number kept with the saved input", async () => {
    const s = await open(env);
    const a = s.page;
    await seed(a, TWO);
    const b = await s.another();
    assert.deepEqual(await listed(b), ["甲论文", "乙论文"]);
    await addPaper(a, "丙论文");
    await waitListed(b, ["甲论文", "乙论文", "丙论文"]);
    const rev = (await saved(a)).rev;
    assert.ok(Number.isInteger(rev) && rev >= 1, `revision ${rev}`);
    await removeEntry(b, "甲论文");
    await waitListed(a, ["乙论文", "丙论文"]);
    assert.ok((await saved(a)).rev > rev, "each save takes a new revision");
    await b.fill("#year", "2023");
    await a.waitForFunction(() => document.querySelector("#year").value === "2023");
    assert.deepEqual(titlesIn((await saved(a)).input), ["乙论文", "丙论文"]);
    await s.done();
  });

  it("an edit saved to an entry another tab deleted is added back, and says so", async () => {
    const s = await open(env);
    const a = s.page;
    await seed(a, TWO);
    const b = await s.another();
    await editAuthors(b, "乙论文", "5", { save: false });
    await removeEntry(a, "乙论文");
    await waitListed(b, ["甲论文"]);
    assert.match(await b.textContent("#form-notices"), /已在另一个标签页中删除/);
    await b.click("#f-submit");
    assert.deepEqual(await listed(b), ["甲论文", "乙论文"]);
    assert.match(await b.textContent("#acts"), /已重新加到列表末尾/);
    await waitListed(a, ["甲论文", "乙论文"]);
    assert.equal(authorsOf((await saved(a)).input, "乙论文"), 5);
    await s.done();
  });

  it("one tab's 撤销 does not take back another tab's change", async () => {
    const s = await open(env);
    const a = s.page;
    await seed(a, TWO);
    const b = await s.another();
    await removeEntry(a, "甲论文");
    await waitListed(b, ["乙论文"]);
    await editAuthors(b, "乙论文", "5");
    await a.waitForFunction(() => document.querySelector("#acts").textContent.includes("作者人数 5"));
    await a.click('.notice button:text("撤销")');
    assert.deepEqual(await listed(a), ["甲论文", "乙论文"]);
    const input = (await saved(a)).input;
    assert.deepEqual(titlesIn(input), ["甲论文", "乙论文"]);
    assert.equal(authorsOf(input, "乙论文"), 5, "the other tab's edit survives the undo");
    await waitListed(b, ["甲论文", "乙论文"]);
    await s.done();
  });

  it("both tabs edit one entry: this tab's edit stands, it says so, and 撤销 brings back the other's", async () => {
    const s = await open(env);
    const a = s.page;
    await seed(a, TWO);
    const b = await s.another();
    await editAuthors(a, "甲论文", "7", { save: false });
    await editAuthors(b, "甲论文", "5");
    await a.waitForFunction(() => document.querySelector("#acts").textContent.includes("作者人数 5"));
    await a.click("#f-submit");
    assert.match(await a.textContent("#acts"), /另一个标签页也修改了此项/);
    assert.equal(authorsOf((await saved(a)).input, "甲论文"), 7);
    await a.click('.notice button:text("撤销")');
    assert.equal(authorsOf((await saved(a)).input, "甲论文"), 5, "undo restores the other tab's edit, not the old value");
    await s.done();
  });

  it("a change made before the other tab's news arrives is merged per activity", async () => {
    const s = await open(env);
    const a = s.page;
    await seed(a, TWO);
    // Tab A hears nothing from the other tab: it works on what it had.
    await a.evaluate(() => window.addEventListener("storage", (e) => e.stopImmediatePropagation(), true));
    const b = await s.another();
    await removeEntry(b, "甲论文");
    await addPaper(b, "乙方新增");
    await editAuthors(a, "乙论文", "5");
    await addPaper(a, "甲方新增");
    const input = (await saved(a)).input;
    assert.deepEqual(titlesIn(input).sort(), ["乙方新增", "乙论文", "甲方新增"].sort());
    assert.equal(authorsOf(input, "乙论文"), 5);
    assert.equal(new Set(input.activities.map((x) => x.id)).size, 3, "ids stay unique");
    assert.deepEqual((await listed(a)).sort(), titlesIn(input).sort(), "the tab shows what was saved");
    await s.done();
  });
});

describe("saved text this version cannot read", () => {
  const FUTURE = JSON.stringify({ format: "xueshi-input", version: 9, input: { year: 2030, activities: [], somethingNew: true } });

  it("data written by a newer version is never overwritten", async () => {
    const s = await open(env);
    const a = s.page;
    await seed(a, TWO);
    const b = await s.another();
    await b.evaluate((f) => localStorage.setItem("xueshi.input", f), FUTURE);
    await a.waitForFunction(() => document.querySelector("#notices").textContent.includes("更新的版本"));
    await addPaper(a, "旧版本里加的");
    assert.equal(await a.evaluate(() => localStorage.getItem("xueshi.input")), FUTURE);
    assert.match(await a.textContent("#tools-hint"), /没有保存/);
    await reload(a);
    assert.equal(await a.evaluate(() => localStorage.getItem("xueshi.input")), FUTURE);
    const notice = a.locator("#notices .notice", { hasText: "更新的版本" });
    const [download] = await Promise.all([a.waitForEvent("download"), notice.locator('button:text("下载")').click()]);
    assert.equal(await readFile(await download.path(), "utf8"), FUTURE);
    await addPaper(a, "还是旧版本");
    assert.equal(await a.evaluate(() => localStorage.getItem("xueshi.input")), FUTURE);
    // Only when the user discards it does this page save again.
    await notice.locator('button:text("丢弃")').click();
    // (Tab B still holds the input the newer version's data replaced: it merges it back.)
    assert.ok(titlesIn((await saved(a)).input).includes("还是旧版本"));
    await s.done();
  });

  it("unreadable text moves to a key of its own, and a second one does not replace the first", async () => {
    const s = await open(env);
    const { page } = s;
    for (const junk of ["{not json", '{"format":"xueshi-input","version":1,"input":{"year":20']) {
      await page.evaluate((j) => localStorage.setItem("xueshi.input", j), junk);
      await reload(page);
      await addPaper(page, `读不了之后 ${junk.length}`);
    }
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("xueshi.unreadable")).map((k) => localStorage.getItem(k)).sort());
    assert.deepEqual(aside, ['{"format":"xueshi-input","version":1,"input":{"year":20', "{not json"]);
    assert.equal(await page.locator("#notices .notice", { hasText: "无法读取" }).count(), 2);
    await s.done();
  });

  it("with the storage full, unreadable text stays, nothing is saved, and the page says so", async () => {
    const s = await open(env);
    const { page } = s;
    const junk = `{"broken": "${"x".repeat(4000)}`;
    await page.evaluate((j) => {
      localStorage.setItem("xueshi.input", j);
      // Fill the storage to the last few bytes.
      for (let size = 1 << 20, i = 0; size >= 16; ) {
        try {
          localStorage.setItem(`filler${i++}`, "f".repeat(size));
        } catch {
          size >>= 1;
        }
      }
    }, junk);
    await reload(page);
    const notice = page.locator("#notices .notice", { hasText: "存储已满" });
    assert.equal(await notice.count(), 1);
    await addPaper(page, "存不下");
    assert.equal(await page.evaluate(() => localStorage.getItem("xueshi.input")), junk, "the unreadable text is not overwritten");
    assert.match(await page.textContent("#tools-hint"), /没有保存/);
    const [download] = await Promise.all([page.waitForEvent("download"), notice.locator('button:text("下载")').click()]);
    assert.equal(await readFile(await download.path(), "utf8"), junk);
    await reload(page);
    assert.equal(await page.evaluate(() => localStorage.getItem("xueshi.input")), junk, "still there after a reload");
    await addPaper(page, "丢弃之后");
    await page.locator("#notices .notice", { hasText: "存储已满" }).locator('button:text("丢弃")').click();
    assert.deepEqual(titlesIn((await saved(page)).input), ["丢弃之后"], "discarding frees the key, and this page saves again");
    await s.done();
  });
});

describe("share links", () => {
  const THEIRS = { year: 2022, activities: [paper("x1", "别人的论文一"), paper("x2", "别人的论文二", 1)] };

  it("open as someone's input; the user's own stays saved, also across reloads, until saved as mine", async () => {
    const s = await open(env);
    const a = s.page;
    await seed(a, { year: 2022, activities: [paper("a1", "我的论文")] });
    const mine = await a.evaluate(() => localStorage.getItem("xueshi.input"));
    const b = await s.another(linkTo(THEIRS));
    assert.ok(await b.isVisible("#link-banner"));
    assert.match(await b.textContent("#link-banner"), /别人分享的数据（2 项活动）/);
    assert.deepEqual(await listed(b), ["别人的论文一", "别人的论文二"]);
    assert.ok(await b.isHidden("#form-section"), "read-only: no form");
    assert.equal(await b.locator("#acts [data-action]").count(), 0, "read-only: no edit buttons");
    assert.deepEqual(await axe(b), [], "the link view");
    await shot(b, "link-view-1280");
    await reload(b);
    assert.ok(await b.isVisible("#link-banner"), "a reload shows the same view");
    assert.equal(await b.evaluate(() => localStorage.getItem("xueshi.input")), mine, "opening a link saves nothing");
    // The user's own input goes on changing in the other tab meanwhile.
    await addPaper(a, "我的第二篇");
    await b.waitForFunction(() => document.querySelector("#link-close").textContent.includes("2"));
    await b.click("#link-close");
    assert.deepEqual(await listed(b), ["我的论文", "我的第二篇"]);
    assert.equal(new URL(b.url()).hash, "");
    // Saved as mine: replaces the own input, and 撤销 brings it back.
    await goto(b, env.url + linkTo(THEIRS));
    await b.click('#link-banner button:text("保存为我的")');
    assert.deepEqual(titlesIn((await saved(b)).input), ["别人的论文一", "别人的论文二"]);
    await waitListed(a, ["别人的论文一", "别人的论文二"]);
    await b.click('#notices button:text("撤销")');
    assert.deepEqual(titlesIn((await saved(b)).input), ["我的论文", "我的第二篇"]);
    await s.done();
  });

  it("a link opened in a tab already showing the page does not touch the input there", async () => {
    const s = await open(env);
    const { page } = s;
    await seed(page, { year: 2022, activities: [paper("a1", "我的论文")] });
    await page.evaluate((h) => (location.hash = h), linkTo(THEIRS));
    await waitListed(page, ["别人的论文一", "别人的论文二"]);
    assert.deepEqual(titlesIn((await saved(page)).input), ["我的论文"]);
    await page.click("#link-close");
    assert.deepEqual(await listed(page), ["我的论文"]);
    await s.done();
  });
});
