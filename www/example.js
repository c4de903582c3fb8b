// A realistic year for a first-time visitor: an engineer's 2024.
export const EXAMPLE = {
  year: 2024,
  activities: [
    { id: "a1", kind: "training", date: "2024-05-20", title: "2024 年度公需科目网络培训", subject: "public", hours: 30 },
    { id: "a2", kind: "training", date: "2024-07-12", title: "装配式建筑施工技术面授培训", subject: "professional", days: 3 },
    { id: "a3", kind: "paper", date: "2024-09-15", title: "基于 BIM 的装配式建筑施工质量控制研究", venue: "national", authors: 1, conferencePaper: false },
    { id: "a4", kind: "conference", date: "2024-10-18", title: "全省建筑业科技创新学术年会", level: "provincial", days: 2, presentedPaper: true },
    { id: "a5", kind: "patent", date: "2024-03-08", title: "一种可调节式混凝土养护装置", type: "utilityModel" },
    { id: "a6", kind: "expertService", date: "2024-11-06", title: "中级职称评审专家", days: 1 },
    { id: "a7", kind: "qualificationExam", date: "2024-12-02", title: "一级建造师（机电工程）", category: "licensure", subjects: 1 },
  ],
};

// The same titles for a visitor who reads English.
export const TITLES_EN = {
  a1: "Public subjects online course 2024",
  a2: "Prefabricated construction techniques, in-person course",
  a3: "BIM-based quality control of prefabricated construction",
  a4: "Provincial annual conference on construction technology",
  a5: "An adjustable concrete curing device",
  a6: "Expert on an intermediate title review panel",
  a7: "Class 1 Constructor (mechanical and electrical)",
};
