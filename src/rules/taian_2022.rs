//! 泰安市人力资源和社会保障局《关于做好 2022 年度泰安市专业技术人员继续教育工作的通知》(seed 004).

use super::*;

pub fn rule_set() -> RuleSet {
    let online = clause(
        "二（二）",
        "公需科目和专业科目学习可采取线上、线下培训的形式开展。线上培训可登陆……采取网络在线的方式学习,考试合格登记相应继续教育学时。",
    );
    let degree = clause("二（三）1", "专业技术人员参加国家承认的各种学历教育者,以毕业证为依据,在规定的学制内每年登记 100 个学时");
    let self_study = clause("二（三）1", "专业技术人员参加自学考试者,以单科合格证书或学校出具的有学籍编号的成绩证明单等为依据,每门登记 25 个学时");
    let courses = clause("二（三）1", "专业技术人员参加在职研究生课程学习,以结业证书为依据一次性登记 150 个学时");
    let in_service = clause("二（三）1", "专业技术人员参加在职申请硕士、博士学位教育者,以学位证书为依据一次性分别登记 200 个学时和 300 个学时。");
    let awards = clause("二（三）2", "获国家自然科学奖、国家技术发明奖、国家科学技术进步奖计 150 个学时;获省自然科学奖、省技术发明奖、省科技进步奖计 125 个学时;获市科技进步奖计 75 个学时;获县级科技进步奖计 50 个学时。");
    let papers = clause("二（三）3", "发表学术、技术论文,以发表论文的刊物为依据计算和登记学分。在国外刊物上发表(具有刊号的刊物,下同),按作者数均分225个学时;在国内国家级刊物上发表,按作者数均分125个学时;在省级刊物上发表,按作者数均分50个学时;在市级刊物上发表,按作者数均分25个学时。");
    let books = clause("二（三）4", "出版著作、译著,以出版物为依据计算和登记学分,主编、副主编、编委分别计100、85、20个学时。");

    let award = |level: &'static str, label: &'static str, hours| rule("award", label, fixed(hours), &awards).when("level", &[level]);
    let paper =
        |venue: &'static str, label: &'static str, hours| rule("paper", label, Credit::SharedByAuthors { hours }, &papers).when("venue", &[venue]);
    let book = |role: &'static str, label: &'static str, hours| rule("book", label, fixed(hours), &books).when("role", &[role]);
    let degree_only = |level: &'static str, label: &'static str, hours| {
        rule("degree", label, fixed(hours), &in_service).when("mode", &["degreeOnly"]).when("level", &[level])
    };

    RuleSet {
        id: "taian-2022".into(),
        title: "关于做好 2022 年度泰安市专业技术人员继续教育工作的通知".into(),
        issuer: "泰安市人力资源和社会保障局".into(),
        doc_number: None,
        region: "山东省泰安市".into(),
        governs: year_of!("2022"),
        requirement: Requirement {
            total: 90.0,
            public: 30.0,
            professional: 60.0,
            professional_share: None,
            clause: clause("二（一）", "专业技术人员应按规定参加继续教育,每年累计应不少于90学时,其中公需课不少于30学时,专业课不少于60学时。"),
        },
        crediting: Crediting::Own {
            // The notice sets no daily rate: contract rule 4 (8 a day).
            time: TimeRule { day_hours: 8.0, minutes_per_hour: 60.0, clause: None },
            caps: vec![],
            rules: vec![
                rule("training", "线上、线下培训，考试合格（按登记学时）", actual_time(), &online).subject(SubjectOf::Activity),
                rule("degree", "学历教育：在规定的学制内每年", Credit::PerStudyYear { hours: 100.0 }, &degree).when("mode", &["study"]),
                degree_only("master", "在职申请硕士学位", 200.0),
                degree_only("doctor", "在职申请博士学位", 300.0),
                rule("selfStudyExam", "自学考试", Credit::PerUnit { hours: 25.0, field: "courses".into(), unit: "门".into() }, &self_study),
                rule("graduateCourses", "在职研究生课程学习（一次性）", fixed(150.0), &courses),
                award("national", "国家级科学技术奖", 150.0),
                award("provincial", "省级科学技术奖", 125.0),
                award("city", "市科技进步奖", 75.0),
                award("county", "县级科技进步奖", 50.0),
                rule("paper", "学术会议交流论文：第3项按发表论文的刊物（具有刊号）计算", Credit::Excluded, &papers)
                    .when("conferencePaper", &["true"]),
                paper("foreign", "国外刊物", 225.0),
                paper("national", "国内国家级刊物", 125.0),
                paper("provincial", "省级刊物", 50.0),
                paper("city", "市级刊物", 25.0),
                book("editorInChief", "主编", 100.0),
                book("deputyEditor", "副主编", 85.0),
                book("editorialBoard", "编委", 20.0),
                rule("book", "著者：第4项只规定主编、副主编、编委的学时", Credit::Undetermined, &books),
            ],
            closest: vec![closest("degree", "在职申请学位只规定硕士、博士（二（三）1）")],
            no_carry_over: None,
        },
        notes: vec![
            "二（一）：2022年度泰安市组建的各级职称评审委员会对企业专业技术人员继续教育学时不作硬性要求。".into(),
            "四（三）：可补学2018—2021年度公需科目、专业科目。".into(),
        ],
    }
}
