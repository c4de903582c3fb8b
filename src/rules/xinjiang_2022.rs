//! 新人社规〔2022〕9号：新疆维吾尔自治区专业技术人员继续教育学时登记认定办法 (seed 002).

use super::*;

pub fn rule_set() -> RuleSet {
    let art8_1 = clause(
        "第八条第（一）项",
        "参加人力资源社会保障行政部门及其认定公布的继续教育机构组织的面授、远程教育等继续教育培训活动，考核合格的，按照实际学习时间计算学时。",
    );
    let art8_2 = clause("第八条第（二）项", "参加国家级、自治区级高级研修项目，考核合格的，可以视为完成当年度专业科目继续教育；参加进修项目的，按照实际时间计算学时，每年最多折算为 60 学时。");
    let art8_3 =
        clause("第八条第（三）项", "到本行业本领域相关教学、科研、生产单位进行继续教育实践活动，按照实际时间计算学时，每年最多折算为 30 学时。");
    let art8_4 = clause("第八条第（四）项", "担任自治区级以上行业主管部门或相关行业协会组织的宣讲、巡讲，举办的培训班、学术会议、专题讲座等授课（报告）人，可以按照实际授课（报告）时间的 6 倍计算学时，每年最多折算为 50 学时；上述活动参加人，每年最多折算为 20 学时。");
    let art8_5 = clause("第八条第（五）项", "参加国家教育行政主管部门承认的本科及以上学历（学位）教育、获得学历（学位）的，本科（学士）、研究生（硕士）、研究生（博士）分别视为完成 4 年度、3 年度、2 年度专业科目继续教育；参加党校相关专业学历教育的参照相应层级国民教育标准折算学时。");
    let art8_6 = clause("第八条第（六）项", "当年获得专利或知识产权的，每年最多折算为 40 学时。");
    let art8_7 = clause(
        "第八条第（七）项",
        "承担本行业领域自治区及以上有关主管部门或相关行业协会的相关研究课题、科研项目，课题结项当年可以折算学时，每年最多折算为 40 学时。",
    );
    let art8_8 = clause("第八条第（八）项", "独立公开发表相关专业学术论文，每年最多折算为 20 学时；公开出版与工作职责相关的学术著作、译著等，每年最多折算为 40 学时，同一作品不累计计算。");
    let art7_8 = clause(
        "第七条第（八）项",
        "在拥有国内统一连续出版物号、相关行业主管部门认定的学术期刊上发表相关学术论文，公开出版与工作职责相关的学术著作、译著等；",
    );
    let art8_9 = clause("第八条第（九）项", "参加相关专业技术人员职业资格考试，成绩合格的，每个科目可以折算一定的继续教育学时。");
    let art8_10 = clause("第八条第（十）项", "参加其他形式的继续教育，每年最多折算为 30 学时。");
    let art10 = clause("第十条", "由于伤、病、孕等特殊原因无法在当年度完成继续教育学时的，由所在单位出具证明，可以适当顺延完成或适当减少学时数。");
    let art12 = clause(
        "第十二条",
        "专业技术人员参加自治区统一组织的公需科目学习、各级继续教育基地组织的专业科目学习,考核合格的,由“学时登记认定系统”自动登记学时",
    );

    let deemed_years = |years| Credit::Deemed { public: false, professional: true, years };
    let time_x6 = Credit::Time { multiple: 6.0, max_per_day: None };
    let upper = ["national", "provincial"];

    RuleSet {
        id: "xinjiang-2022".into(),
        title: "新疆维吾尔自治区专业技术人员继续教育学时登记认定办法".into(),
        issuer: "新疆维吾尔自治区人力资源和社会保障厅".into(),
        doc_number: Some("新人社规〔2022〕9号".into()),
        region: "新疆维吾尔自治区".into(),
        governs: Period { from: "2023-02-01".into(), to: "2028-01-31".into() },
        requirement: Requirement {
            total: 90.0,
            // 第五条 sets no separate 公需 minimum; the rest of the 90 may be either part.
            public: 0.0,
            professional: 60.0,
            professional_share: Some(Share { numerator: 2, denominator: 3 }),
            clause: clause("第五条", "专业技术人员参加继续教育的时间，每年累计应当不少于 90 学时，其中，专业科目一般不少于总学时的三分之二。"),
        },
        crediting: Crediting::Own {
            time: TimeRule {
                day_hours: 8.0,
                minutes_per_hour: 45.0,
                clause: Some(clause(
                    "第六条",
                    "按照天数计算继续教育学时的，可以按每天 8 学时计算，不足一天的，按照每 45 分钟相当于 1 学时的实际时间计算。",
                )),
            },
            caps: vec![
                cap("refresher", 60.0, "进修项目"),
                cap("practice", 30.0, "继续教育实践活动"),
                cap("lecturer", 50.0, "授课（报告）"),
                cap("attendee", 20.0, "上述活动参加人"),
                cap("ip", 40.0, "专利或知识产权"),
                cap("research", 40.0, "研究课题、科研项目"),
                cap("paper", 20.0, "独立发表的学术论文"),
                cap("book", 40.0, "学术著作、译著"),
                cap("other", 30.0, "其他形式的继续教育"),
            ],
            rules: vec![
                rule("training", "公需科目学习，考核合格（按实际学习时间）", actual_time(), &art12)
                    .when("subject", &["public"])
                    .subject(SubjectOf::Public),
                rule("training", "继续教育培训活动，考核合格（按实际学习时间）", actual_time(), &art8_1),
                rule("advancedSeminar", "国家级、自治区级高级研修项目", deemed_years(1), &art8_2),
                rule("refresher", "进修项目（按实际时间）", actual_time(), &art8_2).cap("refresher"),
                rule("practice", "继续教育实践活动（按实际时间）", actual_time(), &art8_3).cap("practice"),
                rule("lecture", "授课（报告）人：实际授课时间的 6 倍", time_x6, &art8_4).when("level", &upper).cap("lecturer"),
                rule("lecture", "第（四）项只适用于自治区级以上组织的活动", Credit::Excluded, &art8_4),
                rule("conference", "上述活动参加人", Credit::UpTo, &art8_4).when("level", &upper).cap("attendee"),
                rule("conference", "第（四）项只适用于自治区级以上组织的活动", Credit::Excluded, &art8_4),
                rule("degree", "获得本科（学士）学历（学位）", deemed_years(4), &art8_5).when("level", &["bachelor"]),
                rule("degree", "获得研究生（硕士）学历（学位）", deemed_years(3), &art8_5).when("level", &["master"]),
                rule("degree", "获得研究生（博士）学历（学位）", deemed_years(2), &art8_5).when("level", &["doctor"]),
                rule("patent", "当年获得专利", Credit::UpTo, &art8_6).cap("ip"),
                rule("softwareCopyright", "当年获得知识产权（软件著作权）", Credit::UpTo, &art8_6).cap("ip"),
                rule("researchProject", "自治区及以上研究课题、科研项目结项", Credit::UpTo, &art8_7).when("level", &upper).cap("research"),
                rule("researchProject", "第（七）项只适用于自治区及以上的课题、项目", Credit::Excluded, &art8_7),
                rule("paper", "学术会议交流论文：须在有国内统一连续出版物号的学术期刊上发表", Credit::Excluded, &art7_8)
                    .when("conferencePaper", &["true"]),
                rule("paper", "独立公开发表学术论文", Credit::UpTo, &art8_8).when("authors", &["1"]).cap("paper"),
                rule("paper", "合著论文：第（八）项只规定独立发表的论文", Credit::Undetermined, &art8_8),
                rule("book", "公开出版学术著作、译著", Credit::UpTo, &art8_8).cap("book"),
                rule("qualificationExam", "职业资格考试合格：每个科目可以折算一定学时", Credit::Undetermined, &art8_9),
                rule("other", "其他形式的继续教育", Credit::UpTo, &art8_10).cap("other"),
                rule("leave", "因伤、病、孕等特殊原因", Credit::RequirementRelief, &art10).when("reason", &["sickness", "maternity", "injury"]),
            ],
            closest: vec![
                closest("languageComputerExam", "最接近的是第八条第（九）项（职业资格考试）"),
                closest("selfStudyExam", "获得学历（学位）的见第八条第（五）项"),
                closest("graduateCourses", "获得学历（学位）的见第八条第（五）项"),
                closest("unitStudy", "可按第八条第（十）项“其他形式的继续教育”申请认定"),
                closest("standard", "可按第八条第（十）项“其他形式的继续教育”申请认定"),
                closest("award", "可按第八条第（十）项“其他形式的继续教育”申请认定"),
                closest("competition", "可按第八条第（十）项“其他形式的继续教育”申请认定"),
                closest("expertService", "可按第八条第（十）项“其他形式的继续教育”申请认定"),
                closest("assignment", "可按第八条第（十）项“其他形式的继续教育”申请认定"),
                closest("leave", "第十条只列伤、病、孕"),
            ],
            no_carry_over: Some(clause(
                "第九条",
                "专业技术人员参加继续教育取得的学时，在自治区行政区域内当年度有效，不得结转或顺延至下一年度。同一项认定标准，不重复计算学时。",
            )),
        },
        notes: vec![
            "第九条：学时当年度有效，不得结转或顺延至下一年度；同一项认定标准，不重复计算学时。".into(),
            "第三条：各行业主管部门另有专业科目实施细则的，按细则认定；本计算只依本办法。".into(),
        ],
    }
}
