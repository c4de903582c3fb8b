//! 枣庄高新区《关于做好2024年度专业技术人员继续教育工作的通知》and its attachment
//! 枣庄市继续教育学时认定说明 (seed 003).

use super::*;

pub fn rule_set() -> RuleSet {
    let a1 = clause("附件第1条", "培训进修类：经人力资源社会保障部门备案，各类脱产、半脱产继续教育培训、进修、研修、专题讲座、学术交流，出国学习、远程教育及其他相关继续教育实践活动，按实际学时登记，不超过8学时/天。");
    let a2 =
        clause("附件第2条", "学习类：包括单位统一安排学习，由用人单位建立学习档案并确定具体学时，自学考试、在职学历教育，每年累计不超过40学时。");
    let a2_exam = clause("附件第2条", "参加全国专业技术类职业资格考试，以及行业公认的国际注册类考试，以考试通过的资格证书为依据，认定16学时。");
    let a3 = clause("附件第3条", "代表性成果类：包括科研成果奖励，专利，软著，参与编写的行业标准，公开发表的学术技术论文、学术会议交流论文，出版著作、译著等。每项（篇、本）计10学时，每年累计不超过30学时。");
    let a4_expert = clause("附件第4条", "活动类：参加专家服务基层、职称评审、人事考试阅卷、职业技能等级评价、重大人才项目评审等活动的受邀专家，按实际工作时间认定，每天不超过8学时，往返和休息时间除外。");
    let a4_assign = clause("附件第4条", "参加各级党委、政府组织的援派，以及到基层参加支教、支农、支医、扶贫等工作的专业技术人员，援派期间每年可按公需科目30学时、专业科目60学时认定。不足一年的，按月份比例计算。");
    let a5 = clause("附件第5条", "参加由行业主管部门组织、人力资源社会保障部门认可的技能竞赛、技术比武、行业性比赛活动，每项（次）计10学时，每年累计不超过30学时。国家、省另有规定的从其规定。");
    let a6 = clause("附件第6条", "有下列情况之一的，经本人所在单位批准，并提交相关证明材料，可按实际在岗时间折算并认定学时：因公派，年度内在境外工作超过6个月的；因受伤、患重病，年度内请病假超过6个月的；女职工休产假的；经省级行业主管部门认定的其他情况。");

    let per_day_8 = Credit::Time { multiple: 1.0, max_per_day: Some(8.0) };
    let achievement = |kind: &'static str, label: &'static str| rule(kind, label, fixed(10.0), &a3).cap("achievement");
    let leave = |reasons: &[&'static str], label: &'static str, more_than_months, group: &'static str| {
        rule("leave", label, Credit::ProRateRequirement { more_than_months, group: group.into() }, &a6).when("reason", reasons)
    };

    RuleSet {
        id: "zaozhuang-2024".into(),
        title: "关于做好2024年度专业技术人员继续教育工作的通知".into(),
        issuer: "枣庄高新区".into(),
        doc_number: None,
        region: "山东省枣庄市枣庄高新区".into(),
        governs: year_of!("2024"),
        requirement: Requirement {
            total: 90.0,
            public: 30.0,
            professional: 60.0,
            professional_share: None,
            clause: clause(
                "二、继续教育学习内容和要求",
                "专业技术人员每年参加继续教育累计应不少于90学时，其中，公需课不少于30学时，专业课不少于60学时。",
            ),
        },
        crediting: Crediting::Own {
            time: TimeRule { day_hours: 8.0, minutes_per_hour: 60.0, clause: Some(a1.clone()) },
            caps: vec![cap("study", 40.0, "学习类"), cap("achievement", 30.0, "代表性成果类"), cap("competition", 30.0, "技能竞赛类")],
            rules: vec![
                rule("training", "培训：按实际学时登记，不超过 8 学时/天", per_day_8.clone(), &a1).subject(SubjectOf::Activity),
                rule("refresher", "进修：按实际学时登记，不超过 8 学时/天", per_day_8.clone(), &a1),
                rule("advancedSeminar", "研修：按实际学时登记，本项未载明学时", Credit::Undetermined, &a1),
                rule("practice", "其他相关继续教育实践活动：按实际学时登记，不超过 8 学时/天", per_day_8.clone(), &a1),
                rule("conference", "学术交流、专题讲座：按实际学时登记，不超过 8 学时/天", per_day_8.clone(), &a1),
                rule("unitStudy", "单位统一安排学习：由用人单位确定学时", actual_time(), &a2).cap("study"),
                rule("selfStudyExam", "自学考试", Credit::UpTo, &a2).cap("study"),
                rule("degree", "在职学历教育", Credit::UpTo, &a2).when("mode", &["study"]).cap("study"),
                rule("qualificationExam", "职业资格、国际注册类考试通过", fixed(16.0), &a2_exam),
                achievement("award", "科研成果奖励"),
                achievement("patent", "专利"),
                achievement("softwareCopyright", "软著"),
                achievement("standard", "参与编写的行业标准"),
                achievement("paper", "公开发表的论文、学术会议交流论文"),
                achievement("book", "出版著作、译著"),
                rule("expertService", "受邀专家：按实际工作时间认定，每天不超过 8 学时", per_day_8, &a4_expert),
                rule(
                    "assignment",
                    "援派、支教、支农、支医、扶贫：按月份比例",
                    Credit::PerYearProRata { public: 30.0, professional: 60.0 },
                    &a4_assign,
                ),
                rule("competition", "技能竞赛、技术比武、行业性比赛", fixed(10.0), &a5).cap("competition"),
                leave(&["abroad"], "因公派在境外工作", 6, "abroad"),
                leave(&["sickness", "injury"], "因受伤、患重病请病假", 6, "sick"),
                leave(&["maternity"], "女职工休产假", 0, "maternity"),
            ],
            closest: vec![
                closest("lecture", "附件第1条列有专题讲座、学术交流（参加），未列授课"),
                closest("graduateCourses", "附件第2条只列自学考试、在职学历教育"),
                closest("degree", "附件第2条只列在职学历教育，未列在职申请学位"),
                closest("languageComputerExam", "附件第2条只列职业资格、国际注册类考试"),
                closest("researchProject", "附件第3条只列科研成果奖励"),
            ],
            no_carry_over: None,
        },
        notes: vec!["六、时间安排：其他培训和学习于当年度12月31日前完成。".into()],
    }
}
