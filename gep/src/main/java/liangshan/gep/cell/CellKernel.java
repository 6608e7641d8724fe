package liangshan.gep.cell;

import java.util.List;
import liangshan.gep.params.ParameterSet;

/**
 * A cell-local regulating indicator: per-cell physical quantities from the inputs of one window.
 * Implementations are stateless and thread-safe; windows may be processed in any order and in
 * parallel, and their results summed.
 */
public interface CellKernel extends ValuedIndicator {

    /** Names of the quantity outputs this kernel writes per cell. */
    List<String> cellOutputs();

    /**
     * Computes the per-cell quantities of {@code window}.
     *
     * @throws java.util.NoSuchElementException when the window lacks a band the spec requires
     */
    CellResult compute(CellWindow window, ParameterSet params);
}
