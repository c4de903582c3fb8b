// Every word of the page chrome in Chinese, and the way to English (i18n-en.js, loaded
// when chosen). Engine text (clauses, explanations, notes) is the documents' language
// and is shown as given.

const zh = {
  appTitle: "学时计算器",
  tagline: "专业技术人员继续教育学时：按文件逐项折算，条款可查",
  skip: "跳到结果",
  langSwitch: "English",
  langSwitchLabel: "Switch to English",
  setup: "考核设置",
  year: "考核年度",
  yearHint: "学时按活动日期归入年度，不结转",
  docs: "比较的文件",
  docsHint: "勾选要比较的文件",
  loadRules: "载入规则文件",
  dropRules: "或把文件拖到这里",
  rulesFailed: "无法载入规则文件的读取程序，请刷新页面重试。",
  personTitle: "先说说你的情况",
  personHint: "用来选出管你的文件。可以跳过，之后随时可改。",
  region: "工作所在地区",
  employer: "单位性质",
  personOk: "按此选择文件",
  personSkip: "跳过，比较全部文件",
  personEdit: "修改",
  choose: "请选择",
  regionOther: "其他地区或不确定",
  employerUnsure: "不确定或不填",
  emp_enterprise: "企业",
  emp_institution: "事业单位",
  emp_government: "机关",
  noRegion: "未选地区",
  employerUnset: "单位性质未填",
  who: "你的情况：{region} · {employer}",
  whoLink: "链接中的情况：{region} · {employer}",
  onlyMine: "只看本地区文件",
  compareAll: "比较全部文件",
  docYears: "{name} 适用于 {years} 年度",
  noneGoverns: "所选文件都不适用于 {y} 年度：{list}。",
  listSep: "、",
  useYear: "改为 {y} 年度",
  personChosen: "已按你的地区选出文件：{docs}",
  personAll: "已记下你的情况；比较全部文件",
  governs: "适用",
  governsYear: "{y} 年度",
  governsRange: "{from} 至 {to}",
  requirement: "要求 {total} 学时（公需 {pub}，专业 {pro}）",
  requirementShare: "要求 {total} 学时，其中专业不少于总学时的三分之二（{pro}）",
  requirementNoPublic: "要求 {total} 学时（专业 {pro}）",
  noMinimum: "无单独要求",
  pendingUpTo: "待认定 最多 {h}",
  pendingOpen: "待认定（文件未定上限）",
  deemedNote: "{parts}视同完成，合计时按要求学时计入",
  adjusted: "要求已折算（全年为 {h} 学时），见明细中的说明",
  notInForce: "不适用于 {y} 年度，仅按其规则试算",
  activities: "活动",
  activitiesCount: "{n} 项",
  noActivities: "还没有活动。添加一项，或载入示例看看效果。",
  example: "载入示例",
  clearAll: "清空",
  edit: "编辑",
  duplicate: "复制",
  remove: "删除",
  editLabel: "编辑：{name}",
  duplicateLabel: "复制：{name}",
  removeLabel: "删除：{name}",
  addTitle: "添加活动",
  editTitle: "编辑活动",
  kind: "活动类型",
  title: "名称（可选）",
  titleHint: "如论文题目、培训名称，最多 200 字",
  date: "日期",
  dateHint: "完成、取得、发表或获奖之日，决定学时归入哪一年度",
  timeGroup: "时间（至少填一项）",
  add: "添加到列表",
  save: "保存修改",
  cancel: "取消",
  preview: "单独计算此项：",
  previewWait: "填写完整后显示各文件的学时。",
  previewNote: "与其他活动合计时，年度上限可能使学时减少。",
  notANumber: "请输入数字",
  results: "结果",
  resultsYear: "{y} 年度结果",
  stale: "输入有误，结果未更新。请先修正标出的错误。",
  public: "公需",
  professional: "专业",
  total: "合计",
  publicLong: "公需科目",
  professionalLong: "专业科目",
  met: "达标",
  possible: "可能达标",
  short: "未达标",
  shortBy: "还差 {parts} 学时",
  shortPart: "{what} {h}",
  metAll: "已满足各项要求",
  possibleWhy: "，能否达标取决于尚待认定的学时或减免",
  shortEven: "；待认定的学时即使全部认定也不够",
  exempt: "不作要求",
  exemptShort: "按一般要求还差 {parts} 学时",
  deemedPart: "视同完成",
  h: "{h} 学时",
  ofReq: "/ {h}",
  credited: "已计入",
  capped: "已封顶",
  deemed: "视同完成",
  upToStatus: "上限内认定",
  undeterminedStatus: "待认定",
  notCovered: "不适用",
  otherYear: "非本年度",
  compare: "对照表",
  compareCaption: "每项活动在各文件下的学时",
  compareRegion: "对照表（可横向滚动）",
  activity: "活动",
  details: "明细与依据",
  basis: "依据与计算",
  clause: "条款",
  quote: "原文",
  explain: "计算",
  noClause: "无对应条款",
  notes: "说明",
  parts: "其中",
  tools: "保存与分享",
  toolsHint: "输入自动保存在本浏览器中。",
  copyLink: "复制链接",
  linkLabel: "分享链接",
  linkCopied: "链接已复制。打开它即可恢复全部输入；数据只在链接的 # 之后，不会发给服务器。",
  linkManual: "无法自动复制，请手动复制下面的链接。",
  exportJson: "导出 JSON",
  importJson: "导入 JSON",
  exportCsv: "导出结果 CSV",
  print: "打印报告",
  undo: "撤销",
  dismiss: "关闭",
  download: "下载",
  added: "已添加：{name}",
  saved: "已保存修改：{name}",
  duplicated: "已复制：{name}",
  removed: "已删除：{name}",
  cleared: "已清空 {n} 项活动",
  exampleLoaded: "已载入示例（{y} 年度，{n} 项活动）",
  replaced: "原有的 {n} 项活动已被替换",
  imported: "已导入 {n} 项活动",
  importTooBig: "文件过大（{size}），无法导入。最大 {max}。当前输入未改变。",
  importNotJson: "文件不是有效的 JSON，无法导入。当前输入未改变。",
  importShape: "文件内容不是学时计算器的输入，无法导入。当前输入未改变。",
  importFuture: "此文件来自更新的版本（格式版本 {v}），本页面无法读取。当前输入未改变。",
  importInvalid: "文件中的数据有误，无法导入：{msg}。当前输入未改变。",
  importRead: "无法读取文件。当前输入未改变。",
  linkBad: "链接中的数据无法读取，已忽略。当前输入未改变。",
  unreadable: "浏览器中保存的一份数据本页无法读取，已另存，没有被覆盖。可下载查看，或丢弃。",
  storageFailed: "无法在浏览器中保存输入（可能是隐私模式或空间已满）。请用“导出 JSON”保存。",
  engineFailed: "计算引擎无法加载，请刷新页面重试。",
  updated: "结果已更新：{summary}",
  summaryPart: "{name} {status}",
  footer: "结果仅供估算，以主管部门认定为准。全部计算在本机浏览器中完成，不上传任何数据。",
  engineVersion: "计算引擎 {v}",
  printHeading: "{y} 年度继续教育学时估算",
  printMeta: "生成于 {date}。按所列文件逐项折算，仅供参考，以主管部门认定为准。",
  status: "状态",
  subject: "科目",
  hoursCol: "学时",
  index: "序号",
  csvFile: "文件",
  csvDocNumber: "文号",
  csvKind: "类型",
  csvMin: "学时（下限）",
  csvMax: "学时（上限，空为无上限）",
  csvRequirement: "要求",
  csvCompliance: "结论",
  partTotal: "{p}合计",
  invalidField: "{label}：{msg}",
  noDocs: "没有勾选任何文件，无法计算。请至少勾选一份文件。",
  itemN: "第 {n} 项活动",
  sep: "；",
  undone: "已撤销",
  loading: "正在加载计算引擎…",
  computing: "正在计算…",
  langFailed: "无法加载英文界面（English），请检查网络后重试。",
  hoursHint: "每项下方的学时：所选文件中最多的，括号里是哪份文件；各文件的学时见对照表。",
  showMore: "再显示 {n} 项（已显示 {shown} / {total}）",
  wideHint: "表格比屏幕宽：左右滑动可看全部文件。",
  miniLabel: "各文件结果摘要（合计 / 要求），点按查看结果：",
  linkTitle: "你正在查看链接中的输入",
  linkText: "这是别人分享的数据（{n} 项活动），只供查看：不会保存，也不会替换你自己的输入。",
  saveAsMine: "保存为我的",
  backToMine: "回到我的输入（{n} 项）",
  viewNote: "链接中的活动只供查看。要修改，请先保存为我的。",
  viewNotSaved: "链接中的输入不会保存；你自己的输入仍保存在本浏览器中。",
  savedAsMine: "已保存为你的输入（{n} 项活动）",
  notSavedHint: "输入目前没有保存：见页面顶部的说明。请用“导出 JSON”保存。",
  discard: "丢弃",
  blockedFuture: "浏览器中保存的数据来自更新的版本（格式版本 {v}），本页无法读取。",
  blockedFull: "浏览器中保存的数据本页无法读取，而浏览器存储已满，无法把它另存。",
  blockedTail: "为免覆盖它，本页的修改不会保存，直到你丢弃那份数据。可先下载它，并用“导出 JSON”保存本页的输入。",
  conflictGone: "「{name}」已在另一个标签页中删除，本页的版本已重新加入",
  conflictKept: "「{name}」已在另一个标签页中修改，因此没有删除",
  conflictBoth: "「{name}」也在另一个标签页中修改过，现为本页的版本",
  conflictBothUndo: "「{name}」已在另一个标签页中再次修改，这一项未撤销",
  readded: "此项已在另一个标签页中删除，已重新加到列表末尾",
  editedElsewhere: "你编辑时另一个标签页也修改了此项，现为本页的版本",
  editGone: "正在编辑的活动已在另一个标签页中删除。保存会把它重新加入。",
  synced: "已合并另一个标签页的修改",
};

// Kinds: [label, hint]; grouped for the kind picker.
const kinds = {
  zh: {
    training: ["培训（面授、远程）", "继续教育机构组织的面授、远程教育、培训班、研修班，考核合格"],
    advancedSeminar: ["高级研修项目", "国家级、自治区（省）级高级研修项目，考核合格"],
    refresher: ["进修项目", "参加人社部门或行业主管部门主办的进修"],
    practice: ["继续教育实践活动", "到本行业相关的教学、科研、生产单位实践"],
    lecture: ["授课、报告", "担任宣讲、巡讲、培训班、学术会议、专题讲座的授课（报告）人"],
    conference: ["参加学术会议、讲座", "参加学术会议、学术讲座、宣讲等活动"],
    degree: ["学历、学位教育", "日期填取得学历（学位）之日"],
    graduateCourses: ["在职研究生课程", "取得结业证书"],
    selfStudyExam: ["自学考试", "以单科合格证书为据"],
    qualificationExam: ["资格考试", "专业技术资格、执业资格、职业水平、国际注册类考试，成绩合格"],
    languageComputerExam: ["职称外语、计算机考试", "考试合格"],
    paper: ["论文", "公开发表的学术、技术论文"],
    book: ["著作、译著", "公开出版"],
    patent: ["专利", "日期填授权之日"],
    softwareCopyright: ["软件著作权", "日期填登记之日"],
    standard: ["行业标准", "参与编写的行业标准"],
    award: ["科研成果奖励", "自然科学奖、技术发明奖、科技进步奖"],
    researchProject: ["研究课题、科研项目", "日期填结项之日"],
    competition: ["技能竞赛", "技能竞赛、技术比武、行业性比赛"],
    expertService: ["专家服务", "专家服务基层、职称评审、人事考试阅卷、技能等级评价、人才项目评审"],
    assignment: ["援派、支教、挂职等", "援派、支教、支农、支医、扶贫、访惠聚驻村、挂职、科技特派员"],
    leave: ["因公境外工作、病假、产假", "影响当年在岗时间的情况"],
    unitStudy: ["单位统一安排学习", "有单位建立的学习记录"],
    other: ["其他形式", "其他形式的继续教育"],
  },
};

export const KIND_GROUPS = [
  ["groupStudy", ["training", "advancedSeminar", "refresher", "practice", "lecture", "conference", "unitStudy"]],
  ["groupEdu", ["degree", "graduateCourses", "selfStudyExam", "qualificationExam", "languageComputerExam"]],
  ["groupWork", ["paper", "book", "patent", "softwareCopyright", "standard", "award", "researchProject", "competition"]],
  ["groupService", ["expertService", "assignment", "leave", "other"]],
];
Object.assign(zh, { groupStudy: "培训与学习", groupEdu: "学历与考试", groupWork: "成果", groupService: "服务、假期及其他", groupMore: "其他类型" });

// Fields: [label, hint]. A "kind.field" key overrides the plain one.
const fields = {
  zh: {
    subject: ["科目", "公需：各专业通用的政治理论、职业道德等；专业：本专业知识技能"],
    hours: ["学时", "证书上的学时，或实际小时数"],
    days: ["天数", "按天计算时填写"],
    minutes: ["分钟", "不足一天时的实际分钟数"],
    studyMode: ["学习方式", "全脱产或半脱产；只有规定了半脱产日学时的文件才区分"],
    "lecture.hours": ["授课时长（小时）", "实际授课（报告）的时间"],
    "unitStudy.hours": ["学时", "学习记录上的学时"],
    "other.hours": ["学时", "证明材料上的学时"],
    level: ["级别", "主办或授予单位的级别"],
    "degree.level": ["学历层次", "取得的学历（学位）"],
    "researchProject.level": ["课题级别", "下达课题的主管部门级别"],
    mode: ["方式", "参加学历教育，或在职申请学位"],
    studyYears: ["学制（年）", "可不填：本科默认 4 年，专科、硕士、博士 3 年"],
    courses: ["合格门数", "取得单科合格证书的课程数"],
    category: ["考试类别", "通过的考试类型"],
    subjects: ["合格科目数", "通过的科目数，默认 1"],
    venue: ["刊物级别", "以发表论文的刊物为准"],
    authors: ["作者人数", "含本人"],
    conferencePaper: ["会议论文", "学术会议交流论文"],
    presentedPaper: ["宣读论文", "在会上宣读、报告论文"],
    role: ["本人角色", "署名中的身份"],
    translation: ["译著", "翻译作品"],
    type: ["专利类型", "授权的专利类型"],
    months: ["月数", "本考核年度内的月数（1–12）；也可填天数或结束日期"],
    "leave.days": ["天数", "假期天数（如产假 98 天）"],
    "assignment.days": ["天数", "派出天数"],
    end: ["结束日期", "跨年度时填写最后一天（起始为上面的日期）"],
    reason: ["原因", "因公境外工作、病假、产假或工伤"],
    id: ["编号", ""], kind: ["活动类型", ""], date: ["日期", ""], title: ["名称", ""],
  },
};

// Choice values. A "field.value" key overrides the plain one.
const values = {
  zh: {
    public: "公需科目", professional: "专业科目",
    national: "国家级", provincial: "省级（自治区级）", city: "市级", county: "县级", other: "其他",
    associate: "专科", bachelor: "本科（学士）", master: "硕士研究生", doctor: "博士研究生",
    study: "参加学历教育", degreeOnly: "在职申请学位",
    fullTime: "全脱产", partTime: "半脱产",
    seniorTitle: "高级专业技术资格", intermediateTitle: "中级专业技术资格", juniorTitle: "初级专业技术资格",
    licensure: "执业资格、职业水平", international: "国际注册类",
    foreign: "国外刊物", "venue.national": "国内国家级刊物", "venue.provincial": "省级刊物", "venue.city": "市级刊物",
    editorInChief: "主编", deputyEditor: "副主编", editorialBoard: "编委", author: "著者",
    invention: "发明专利", utilityModel: "实用新型专利", design: "外观设计专利",
    abroad: "因公境外工作", sickness: "病假", maternity: "产假", injury: "工伤",
    yes: "是", no: "否",
  },
};

const STR = { zh };
let lang = "zh";
const extras = []; // strings of modules loaded later (rulefiles.js), per language

/** Adds a lazily loaded module's strings ({ zh: {...}, en: {...} }), in every language loaded now or later. */
export function addStrings(table) {
  extras.push(table);
  for (const l in STR) Object.assign(STR[l], table[l]);
}

/** Switches the language, loading English first when needed; stays in Chinese if it cannot load. */
export async function setLang(l) {
  if (l === "en" && !STR.en) {
    // Named at run time: no part of a first visit, which is in Chinese.
    const m = await import(`./i18n-${l}.js`);
    Object.assign(STR, { en: m.strings });
    for (const x of extras) Object.assign(STR.en, x.en);
    Object.assign(kinds, { en: m.kinds });
    Object.assign(fields, { en: m.fields });
    Object.assign(values, { en: m.values });
    Object.assign(docs, { en: m.docs });
  }
  lang = l === "en" ? "en" : "zh";
}
export function getLang() {
  return lang;
}

/** A chrome string with `{name}` placeholders filled in. */
export function t(key, vars = {}) {
  const s = STR[lang][key] ?? STR.zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

// Short names for the built-in documents; any other rule set is named by its region.
const docs = { zh: { "xinjiang-2022": "新疆", "aksu-2024": "阿克苏", "bingtuan-2019": "兵团", "zaozhuang-2024": "枣庄高新区", "taian-2022": "泰安" } };
export const shortName = (id) => docs[lang][id];

export function kindLabel(kind) {
  return kinds[lang][kind]?.[0] ?? kind;
}
export function kindHint(kind) {
  return kinds[lang][kind]?.[1] ?? "";
}
export function fieldLabel(kind, name) {
  return (fields[lang][`${kind}.${name}`] ?? fields[lang][name])?.[0] ?? name;
}
export function fieldHint(kind, name) {
  return (fields[lang][`${kind}.${name}`] ?? fields[lang][name])?.[1] ?? "";
}
export function valueLabel(name, value) {
  return values[lang][`${name}.${value}`] ?? values[lang][value] ?? value;
}

/** Hours as people write them: 125, 62.5, 41.67 (the engine already rounded). */
export function num(n) {
  return String(Math.round(n * 100) / 100);
}

/** What of a Range is still to be decided: "待认定 最多 20" (max − min), or with no maximum. */
export function pendingText(r) {
  return r.max === null ? t("pendingOpen") : t("pendingUpTo", { h: num(Math.round((r.max - r.min) * 100) / 100) });
}

/** A Range in words: "125 学时", "待认定 最多 20", "10 学时 + 待认定 最多 5". */
export function rangeText(r) {
  if (r.min === r.max) return t("h", { h: num(r.min) });
  return r.min > 0 ? `${t("h", { h: num(r.min) })} + ${pendingText(r)}` : pendingText(r);
}

/** Status words for a line, or "" when the number says it all. */
export function statusLabel(status) {
  return {
    capped: t("capped"), deemed: t("deemed"), notCovered: t("notCovered"), otherYear: t("otherYear"),
    undetermined: t("undeterminedStatus"), upTo: t("upToStatus"), credited: t("credited"),
  }[status] ?? status;
}

/** An engine error in the user's language, without the leading path. */
export function errorText(err) {
  const path = err?.path ?? "";
  let msg = lang === "zh" && err?.messageZh ? err.messageZh : String(err?.message ?? err);
  for (const sep of ["：", ": "]) {
    if (path && msg.startsWith(path + sep)) msg = msg.slice(path.length + sep.length);
  }
  return msg;
}
