//! Every name the reader accepts, as data (the README lists the same, and a test checks
//! that it does). Headers and values match after trimming, full-width forms folded, Latin
//! letters in any case and blanks, `_`, `-`, `*` left out; each contract name is accepted
//! as well as its aliases. The first Chinese alias of each is what the Chinese template
//! writes.

/// What a column is, by its contract name (or `person`, `name`, `evidence`, `start`,
/// `end`, which are not activity fields), and its Chinese aliases.
pub const HEADERS: &[(&str, &[&str])] = &[
    ("id", &["记录编号", "活动编号", "记录id"]),
    ("person", &["人员编号", "人员代码", "工号", "职工号", "职工编号", "员工编号", "证件号码", "证件号", "身份证号", "身份证号码", "公民身份号码"]),
    ("name", &["姓名", "人员姓名", "职工姓名"]),
    ("kind", &["类型", "活动类型", "学习形式", "学习类型", "继续教育类型", "继续教育形式", "活动形式"]),
    (
        "date",
        &[
            "日期",
            "完成日期",
            "取得日期",
            "发表日期",
            "获得日期",
            "获奖日期",
            "授予日期",
            "发证日期",
            "结项日期",
            "结业日期",
            "考试日期",
            "出版日期",
            "授权日期",
        ],
    ),
    ("title", &["名称", "项目名称", "课程名称", "活动名称", "培训名称", "培训项目", "论文题目", "题目", "学习内容", "内容"]),
    ("evidence", &["证明材料", "证明", "佐证材料", "证书编号", "附件"]),
    ("start", &["开始时间", "开始日期", "起始时间", "起始日期", "培训开始时间", "培训开始日期", "startdate"]),
    ("end", &["结束时间", "结束日期", "截止时间", "截止日期", "终止日期", "培训结束时间", "培训结束日期", "enddate"]),
    ("hours", &["学时", "学时数", "课时", "课时数", "培训学时"]),
    ("days", &["天数", "培训天数"]),
    ("minutes", &["分钟数", "分钟", "时长（分钟）"]),
    ("subject", &["科目", "科目类别", "科目类型", "公需/专业"]),
    ("studyMode", &["脱产方式", "脱产类型", "脱产情况"]),
    ("level", &["级别", "层次", "学历层次", "会议级别", "项目级别", "奖励级别", "获奖级别", "课题级别", "研修级别", "授课级别"]),
    ("mode", &["学习方式", "取得方式", "学位取得方式"]),
    ("studyYears", &["学制", "学制年数", "学制（年）"]),
    ("courses", &["课程数", "通过课程数", "合格课程数", "课程门数"]),
    ("category", &["考试类别", "资格类别", "考试类型"]),
    ("subjects", &["科目数", "考试科目数", "通过科目数"]),
    ("venue", &["刊物级别", "期刊级别", "发表刊物级别"]),
    ("authors", &["作者人数", "作者数", "作者数量"]),
    ("conferencePaper", &["会议论文", "是否会议论文"]),
    ("presentedPaper", &["宣读论文", "是否宣读论文", "报告论文"]),
    ("role", &["角色", "本人角色", "著作角色", "编写角色"]),
    ("translation", &["译著", "是否译著"]),
    ("type", &["专利类型", "专利类别"]),
    ("reason", &["原因", "假期类型", "请假类型", "事由"]),
    ("months", &["月数", "时长（月）", "援派月数", "请假月数", "月份数"]),
    ("makeUpFor", &["补学年度", "补学年份", "补学年"]),
];

/// The contract's kinds, in its order, with their Chinese aliases.
pub const KINDS: &[(&str, &[&str])] = &[
    ("training", &["培训", "培训班", "面授", "面授培训", "网络培训", "远程教育", "网络学习", "在线学习", "线上培训", "研修班", "继续教育培训"]),
    ("advancedSeminar", &["高级研修", "高级研修项目", "高研班"]),
    ("refresher", &["进修", "进修项目"]),
    ("practice", &["实践", "实践活动", "继续教育实践"]),
    ("lecture", &["授课", "讲课", "授课人", "主讲"]),
    ("conference", &["学术会议", "参加学术会议", "学术讲座", "学术交流"]),
    ("degree", &["学历学位", "学历教育", "学位教育", "学历", "学位"]),
    ("graduateCourses", &["研究生课程", "在职研究生课程", "研究生课程进修"]),
    ("selfStudyExam", &["自学考试", "自考"]),
    ("qualificationExam", &["资格考试", "职业资格考试", "执业资格考试", "专业技术资格考试", "职称考试"]),
    ("languageComputerExam", &["职称外语计算机", "职称外语", "职称计算机", "外语计算机考试"]),
    ("paper", &["论文", "学术论文", "发表论文"]),
    ("book", &["著作", "专著", "出版著作"]),
    ("patent", &["专利"]),
    ("softwareCopyright", &["软件著作权", "软著", "计算机软件著作权"]),
    ("standard", &["行业标准", "标准", "参与编写行业标准"]),
    ("award", &["科研奖励", "获奖", "科研成果奖", "成果奖励", "科技奖励"]),
    ("researchProject", &["课题", "科研项目", "研究课题", "科研课题"]),
    ("competition", &["技能竞赛", "技术比武", "竞赛", "行业比赛"]),
    ("expertService", &["专家服务", "专家服务基层", "职称评审", "人事考试阅卷", "阅卷", "技能等级评价", "人才项目评审"]),
    ("assignment", &["援派", "支教", "支农", "支医", "扶贫", "访惠聚", "访惠聚驻村", "驻村", "挂职", "科技特派员"]),
    ("leave", &["假期", "请假"]),
    ("unitStudy", &["单位学习", "单位统一学习", "单位统一安排学习", "单位组织学习"]),
    ("other", &["其他", "其它"]),
];

/// A value a kind alias sets, as if its column said so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Implied {
    /// A choice field's contract value.
    Choice(&'static str, &'static str),
    /// A flag field set to true.
    Yes(&'static str),
}

/// Kind aliases that also say a field's value: `病假` is `leave` with `reason: sickness`.
/// A column that says otherwise is an error in that row.
pub const KIND_IMPLIES: &[(&str, &str, Implied)] = &[
    ("公需科目", "training", Implied::Choice("subject", "public")),
    ("公需课", "training", Implied::Choice("subject", "public")),
    ("专业科目", "training", Implied::Choice("subject", "professional")),
    ("专业课", "training", Implied::Choice("subject", "professional")),
    ("会议论文", "paper", Implied::Yes("conferencePaper")),
    ("译著", "book", Implied::Yes("translation")),
    ("发明专利", "patent", Implied::Choice("type", "invention")),
    ("实用新型", "patent", Implied::Choice("type", "utilityModel")),
    ("实用新型专利", "patent", Implied::Choice("type", "utilityModel")),
    ("外观设计", "patent", Implied::Choice("type", "design")),
    ("外观设计专利", "patent", Implied::Choice("type", "design")),
    ("病假", "leave", Implied::Choice("reason", "sickness")),
    ("产假", "leave", Implied::Choice("reason", "maternity")),
    ("工伤", "leave", Implied::Choice("reason", "injury")),
    ("因公境外", "leave", Implied::Choice("reason", "abroad")),
    ("境外工作", "leave", Implied::Choice("reason", "abroad")),
    ("因公出国", "leave", Implied::Choice("reason", "abroad")),
];

/// A choice field's values, each with its Chinese aliases.
pub type Choices = &'static [(&'static str, &'static [&'static str])];

pub const SUBJECT: Choices = &[("public", &["公需", "公需科目", "公需课", "公共科目", "公共课"]), ("professional", &["专业", "专业科目", "专业课"])];

pub const STUDY_MODE: Choices = &[("fullTime", &["全脱产", "脱产"]), ("partTime", &["半脱产", "部分脱产"])];

/// `level` takes different values for different kinds; the engine checks which.
pub const LEVEL: Choices = &[
    ("national", &["国家级", "国家", "全国"]),
    ("provincial", &["省级", "自治区级", "省部级", "兵团级", "省", "自治区", "兵团"]),
    ("city", &["市级", "地市级", "地区级", "地州级", "州级", "师市级", "师级", "市"]),
    ("county", &["县级", "区县级", "县区级", "团场级", "县"]),
    ("bachelor", &["本科", "学士", "学士学位", "大学本科"]),
    ("master", &["硕士", "硕士研究生", "硕士学位"]),
    ("doctor", &["博士", "博士研究生", "博士学位"]),
    ("other", &["其他", "其它"]),
];

pub const MODE: Choices = &[
    ("study", &["学历教育", "学历", "就读", "修读", "全日制", "非全日制"]),
    ("degreeOnly", &["在职申请学位", "申请学位", "同等学力", "同等学力申请学位", "仅学位"]),
];

pub const CATEGORY: Choices = &[
    ("seniorTitle", &["高级职称", "高级", "正高级", "副高级", "高级专业技术资格"]),
    ("intermediateTitle", &["中级职称", "中级", "中级专业技术资格"]),
    ("juniorTitle", &["初级职称", "初级", "初级专业技术资格"]),
    ("licensure", &["执业资格", "职业资格", "执业"]),
    ("international", &["国际注册", "国际认证", "国际"]),
];

pub const VENUE: Choices = &[
    ("foreign", &["国外", "境外", "国际", "国外刊物", "国际刊物"]),
    ("national", &["国家级", "国家级刊物", "国家"]),
    ("provincial", &["省级", "省级刊物", "自治区级", "省部级"]),
    ("city", &["市级", "市级刊物", "地市级", "地区级", "师市级"]),
];

pub const ROLE: Choices = &[
    ("editorInChief", &["主编"]),
    ("deputyEditor", &["副主编"]),
    ("editorialBoard", &["编委", "编委会成员", "参编"]),
    ("author", &["作者", "著者", "独著", "合著", "编著"]),
];

pub const PATENT_TYPE: Choices =
    &[("invention", &["发明", "发明专利"]), ("utilityModel", &["实用新型", "实用新型专利"]), ("design", &["外观设计", "外观设计专利", "外观"])];

pub const REASON: Choices = &[
    ("abroad", &["因公境外", "境外工作", "因公出国", "出国", "境外"]),
    ("sickness", &["病假", "疾病", "患病"]),
    ("maternity", &["产假", "生育"]),
    ("injury", &["工伤", "因工负伤"]),
];

/// Yes and no in a flag column (also a spreadsheet's TRUE/FALSE cell and the numbers 1/0).
pub const YES: &[&str] = &["true", "yes", "y", "t", "1", "是", "有", "√", "✓", "✔"];
pub const NO: &[&str] = &["false", "no", "n", "f", "0", "否", "无", "×", "✗", "✘"];

/// The type of an activity field, as this reader checks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// A number; a trailing unit from the list is allowed (`8学时`).
    Number(&'static [&'static str]),
    /// A whole number; a trailing unit from the list is allowed (`3人`).
    Count(&'static [&'static str]),
    Choice(Choices),
    Flag,
}

/// Every activity field of the contract (v2 included) with its type.
pub const FIELDS: &[(&str, FieldType)] = &[
    ("hours", FieldType::Number(&["学时", "课时"])),
    ("days", FieldType::Number(&["天", "日"])),
    ("minutes", FieldType::Number(&["分钟", "分"])),
    ("subject", FieldType::Choice(SUBJECT)),
    ("studyMode", FieldType::Choice(STUDY_MODE)),
    ("level", FieldType::Choice(LEVEL)),
    ("mode", FieldType::Choice(MODE)),
    ("studyYears", FieldType::Count(&["年"])),
    ("courses", FieldType::Count(&["门"])),
    ("category", FieldType::Choice(CATEGORY)),
    ("subjects", FieldType::Count(&["科", "门"])),
    ("venue", FieldType::Choice(VENUE)),
    ("authors", FieldType::Count(&["人", "位"])),
    ("conferencePaper", FieldType::Flag),
    ("presentedPaper", FieldType::Flag),
    ("role", FieldType::Choice(ROLE)),
    ("translation", FieldType::Flag),
    ("type", FieldType::Choice(PATENT_TYPE)),
    ("reason", FieldType::Choice(REASON)),
    ("months", FieldType::Count(&["个月", "月"])),
    ("makeUpFor", FieldType::Count(&["年度", "年"])),
];

/// Kinds that take time (`hours`, `days`, `minutes`): only these get `days` from a
/// start and an end date.
pub const TIME_KINDS: &[&str] = &["training", "refresher", "practice", "conference", "expertService"];
