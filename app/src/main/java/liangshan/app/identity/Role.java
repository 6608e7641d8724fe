package liangshan.app.identity;

/**
 * Roles of the platform (MISSION.md P1). A user has one or more roles and exactly one data scope.
 * {@link #PUBLIC} is the role of anonymous callers and is never stored.
 */
public enum Role {
    /** 市级管理员: manages users and configuration city-wide. */
    CITY_ADMIN("市级管理员", "City administrator"),
    /** 县级干部: reads and writes within one county. */
    COUNTY_OFFICER("县级干部", "County officer"),
    /** 两山合作社运营人员. */
    COOPERATIVE_OPERATOR("合作社运营人员", "Cooperative operator"),
    /** 村会计 (村报账员): keeps one village's ledger. */
    VILLAGE_ACCOUNTANT("村会计", "Village accountant"),
    /** 银行客户经理: reads what its bank's business needs. */
    BANK_OFFICER("银行人员", "Bank officer"),
    /** 投资人 (企业). */
    INVESTOR("投资人", "Investor"),
    /** 审计 (只读): reads everything in scope, writes nothing. */
    AUDITOR("审计人员", "Auditor"),
    /** 农户: one household's member, linked to its party in the e-ledger; sees only its own data. */
    HOUSEHOLD("农户", "Household"),
    /** 公众 (匿名): public registers and reference data only. */
    PUBLIC("公众", "Public");

    private final String nameZh;
    private final String nameEn;

    Role(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
