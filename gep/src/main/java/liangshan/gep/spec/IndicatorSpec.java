package liangshan.gep.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The declaration of one GEP indicator (STYLE.md §7): what it is, which method clause it
 * implements, what it reads and what it produces. Specs drive parameter-set validation, input
 * validation, output names and the method appendix.
 *
 * @param id stable id, e.g. {@code water_conservation}
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param serviceClass provisioning, regulating or cultural
 * @param clause the clause of method edition {@link MethodClause#EDITION}
 * @param inputs inputs in a fixed order
 * @param parameters parameters read from the parameter set
 * @param outputs quantity and value outputs
 */
public record IndicatorSpec(
        String id,
        String nameZh,
        String nameEn,
        ServiceClass serviceClass,
        MethodClause clause,
        List<InputSpec> inputs,
        List<ParameterSpec> parameters,
        List<OutputSpec> outputs) {

    public IndicatorSpec {
        Objects.requireNonNull(id);
        Objects.requireNonNull(serviceClass);
        Objects.requireNonNull(clause);
        inputs = List.copyOf(inputs);
        parameters = List.copyOf(parameters);
        outputs = List.copyOf(outputs);
    }

    /** The input named {@code name}. */
    public Optional<InputSpec> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** Outputs of the given kind, in declaration order. */
    public List<OutputSpec> outputs(OutputSpec.Kind kind) {
        return outputs.stream().filter(o -> o.kind() == kind).toList();
    }

    /**
     * Checks which inputs a run provides: every required input must be present and no unknown
     * name may appear. Returns every problem (empty when the set is complete).
     */
    public List<String> missingOrUnknownInputs(Set<String> provided) {
        List<String> problems = new ArrayList<>();
        for (InputSpec in : inputs) {
            if (!in.optional() && !provided.contains(in.name())) {
                problems.add("missing input '" + in.name() + "' for " + id);
            }
        }
        for (String name : provided) {
            if (input(name).isEmpty()) {
                problems.add("unknown input '" + name + "' for " + id);
            }
        }
        return problems;
    }
}
