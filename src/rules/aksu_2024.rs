//! 阿地人社传〔2024〕5号：关于做好2024年地区专业技术人员继续教育工作的通知 (seed 000).
//! Its own requirement and year; crediting defers to 新人社规〔2022〕9号.

use super::*;

pub fn rule_set() -> RuleSet {
    RuleSet {
        id: "aksu-2024".into(),
        title: "关于做好2024年地区专业技术人员继续教育工作的通知".into(),
        issuer: "阿克苏地区人力资源和社会保障局".into(),
        doc_number: Some("阿地人社传〔2024〕5号".into()),
        region: "新疆维吾尔自治区阿克苏地区".into(),
        governs: year_of!("2024"),
        requirement: Requirement {
            total: 90.0,
            public: 30.0,
            professional: 60.0,
            professional_share: None,
            clause: clause("二、学习内容及学时", "专业技术人员每年参加继续教育累计应不少于90学时，其中，公需科目不少于30学时，专业科目不少于60学时。"),
        },
        crediting: Crediting::Borrowed {
            from: "xinjiang-2022".into(),
            clause: clause(
                "二、学习内容及学时",
                "其他可记入继续教育专业科目学时的学习方式及具体学时计算标准，按照自治区各行业主管部门制定的《继续教育学时登记认定实施细则》执行。自治区行业主管部门未制定实施细则的，按照《新疆维吾尔自治区专业技术人员继续教育学时登记认定办法》（新人社规〔2022〕9号）执行。",
            ),
        },
        notes: vec![
            "四、学习时间：应于2024年12月31日前完成当年度继续教育学习任务。".into(),
            "六、补学要求：2024年开放2020年至2023年公需科目、专业科目补学，最多不超过3个年度，于2024年11月30日前完成。".into(),
            "七、（一）：申报2024年职称评审，需上传2021年至2024年的继续教育培训合格证书。".into(),
        ],
    }
}
