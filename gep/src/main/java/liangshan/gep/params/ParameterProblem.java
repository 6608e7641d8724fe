package liangshan.gep.params;

/**
 * One problem found in a parameter-set file. Validation reports every problem at once.
 *
 * @param code stable code, e.g. {@code param.missing_class_parameter}
 * @param path where in the file, e.g. {@code classes[code=5].cover_factor}
 * @param messageZh message in Chinese
 * @param messageEn message in English
 */
public record ParameterProblem(String code, String path, String messageZh, String messageEn) {

    @Override
    public String toString() {
        return code + " at " + path + ": " + messageEn + " / " + messageZh;
    }
}
