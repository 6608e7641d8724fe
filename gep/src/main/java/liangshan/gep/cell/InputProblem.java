package liangshan.gep.cell;

/**
 * One problem with the inputs of a run (a table row, a missing county emission …).
 *
 * @param code stable code, e.g. {@code input.missing_emission}
 * @param input input name from the spec
 * @param messageZh message in Chinese
 * @param messageEn message in English
 */
public record InputProblem(String code, String input, String messageZh, String messageEn) {

    @Override
    public String toString() {
        return code + " [" + input + "]: " + messageEn + " / " + messageZh;
    }
}
