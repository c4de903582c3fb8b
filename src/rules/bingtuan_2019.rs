//! 关于做好兵团2019年度专业技术人员继续教育工作的有关事项的通知, and its attachment
//! 其他形式的专业科目学习方式及学时计算标准 (seed 001).

use super::*;

pub fn rule_set() -> RuleSet {
    let public = clause("一、（三）", "其中，公需科目采取网络学习的方式，每年不少于 30 学时");
    let s1 = clause("附件二第（一）项", "参加国家、兵团、师市继续教育基地举办的继续教育培训班，学时数由基地审批部门按实际学习时间确定。");
    let s2 = clause("附件二第（二）项", "参加国家部委、协会、学会举办的培训、研修活动，学时数由主办单位或选派单位的主管部门确定；参加兵团有关部门、行业组织主办或委托举办的培训、研修活动，学时数由主办单位确定。");
    let s3 = clause("附件二第（三）项", "参加学历、学位教育，取得博士、硕士、学士学位、学历，可视同完成当年专业科目的学时数。");
    let s4 = clause("附件二第（四）项", "参加国家部委、协会、学会举办的学术活动，根据实际天数按每天6学时确定，宣读、报告论文者另加6学时；参加兵团（省）级学术活动，根据实际天数按每天4学时确定，宣读、报告论文者另加4学时。年度计入专业科目的学时数最多不超过40学时。");
    let way3 = clause("附件一第（三）项", "参加师市级以上的学术讲座、学术会议；");
    let s5 = clause("附件二第（五）项", "通过全国高、中、初级专业技术资格考试的，专业科目分别计完成当年专业科目40学时、35学时、30学时；通过全国执业资格或职业水平考试的计完成当年专业科目40学时。");
    let s6 = clause("附件二第（六）项", "参加“访惠聚”驻连（村）工作，到基层、南疆地区参加支教、支农、支医、挂职、科技特派员、扶贫工作和挂职锻炼工作满一年的专业技术人员，在兵团申报专业技术职务任职资格评定的援疆专业技术人员，可视同完成当年度全部公需和专业科目的学时数。");
    let s7 = clause("附件二第（七）项", "通过职称外语和计算机知识相关考试，可分别视同为完成年度专业科目10学时的学习。");
    let s8 = clause(
        "附件二第（八）项",
        "其他类别的继续教育形式，由师市人力资源和社会保障局或兵团业务主管部门参照上述标准确认学时数，并报兵团人力资源和社会保障局备案。",
    );

    let per_day = |hours_per_day, paper_bonus| Credit::PerDay { hours_per_day, paper_bonus };
    let exam = |category: &'static str, label: &'static str, hours| rule("qualificationExam", label, fixed(hours), &s5).when("category", &[category]);
    let by_other = "可按附件二第（八）项“其他类别”由师市人社局或兵团业务主管部门参照确认学时";

    RuleSet {
        id: "bingtuan-2019".into(),
        title: "关于做好兵团 2019 年度专业技术人员继续教育工作的有关事项的通知".into(),
        issuer: "新疆生产建设兵团人力资源和社会保障局".into(),
        doc_number: None,
        region: "新疆生产建设兵团".into(),
        governs: year_of!("2019"),
        requirement: Requirement {
            total: 90.0,
            public: 30.0,
            professional: 60.0,
            professional_share: None,
            clause: clause("一、（三）", "专业技术人员每年须累计完成不少于 90 学时的继续教育任务。其中，公需科目采取网络学习的方式，每年不少于 30 学时；专业科目采取网络学习、集中面授为主，其他学习形式为辅的方式（具体方式详见附件），每年不少于 60 学时。"),
        },
        crediting: Crediting::Own {
            // The notice sets no daily rate: contract rule 4 (8 a day).
            time: TimeRule { day_hours: 8.0, minutes_per_hour: 60.0, clause: None },
            caps: vec![cap("conference", 40.0, "学术会议")],
            rules: vec![
                rule("training", "公需科目网络学习（按实际学时）", actual_time(), &public).when("subject", &["public"]).subject(SubjectOf::Public),
                rule("training", "继续教育基地培训班（按实际学习时间）", actual_time(), &s1),
                rule("advancedSeminar", "培训、研修活动：学时数由主办单位或主管部门确定", Credit::Undetermined, &s2),
                rule("refresher", "培训、研修活动：学时数由主办单位或主管部门确定", Credit::Undetermined, &s2),
                rule("conference", "国家部委、协会、学会举办的学术活动", per_day(6.0, 6.0), &s4).when("level", &["national"]).cap("conference"),
                rule("conference", "兵团（省）级学术活动", per_day(4.0, 4.0), &s4).when("level", &["provincial"]).cap("conference"),
                rule("conference", "师市级学术活动：第（四）项未规定每天学时", Credit::Undetermined, &way3).cap("conference"),
                rule("degree", "取得学位、学历", Credit::Deemed { public: false, professional: true, years: 1 }, &s3),
                exam("seniorTitle", "通过全国高级专业技术资格考试", 40.0),
                exam("intermediateTitle", "通过全国中级专业技术资格考试", 35.0),
                exam("juniorTitle", "通过全国初级专业技术资格考试", 30.0),
                exam("licensure", "通过全国执业资格或职业水平考试", 40.0),
                rule("qualificationExam", "国际注册类考试：第（五）项只规定全国性考试", Credit::Excluded, &s5),
                rule("assignment", "“访惠聚”、支教、支农、支医、扶贫等工作满一年", Credit::Deemed { public: true, professional: true, years: 1 }, &s6)
                    .when("months", &["12"]),
                rule("assignment", "不满一年：第（六）项要求工作满一年", Credit::Excluded, &s6),
                rule("languageComputerExam", "通过职称外语或计算机知识考试", fixed(10.0), &s7),
                rule("expertService", "服务基层活动（附件一第（四）项所列学习方式）", Credit::Undetermined, &s8),
                rule("other", "其他类别的继续教育形式", Credit::Undetermined, &s8),
            ],
            closest: ["practice", "lecture", "graduateCourses", "selfStudyExam", "book", "patent", "softwareCopyright", "standard", "award", "researchProject", "competition", "unitStudy"]
                .iter()
                .map(|k| closest(k, by_other))
                .chain([closest("paper", "宣读、报告论文的，见附件二第（四）项学术会议另加学时")])
                .collect(),
            no_carry_over: None,
        },
        notes: vec![
            "一、（四）：申报评定上一级专业技术资格，还需在一个申报周期内参加一次集中面授。".into(),
            "一、（五）：2019 年为兵团继续教育工作过渡年。".into(),
        ],
    }
}
