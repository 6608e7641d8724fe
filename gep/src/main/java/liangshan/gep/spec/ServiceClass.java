package liangshan.gep.spec;

/** The three GEP service classes (物质产品 / 调节服务 / 文化服务). */
public enum ServiceClass {
    PROVISIONING("物质产品", "provisioning"),
    REGULATING("调节服务", "regulating"),
    CULTURAL("文化服务", "cultural");

    private final String nameZh;
    private final String nameEn;

    ServiceClass(String nameZh, String nameEn) {
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
