package liangshan.gep.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ClassTable;
import liangshan.gep.params.ParameterSet;

/** Applies a {@link LandCoverChange} to the footprint cells of a window, after checking every class code. */
final class CoverChange {

    private CoverChange() {}

    /**
     * The land cover after the change (−1 = no-data); cells outside the footprint keep {@code before}.
     *
     * @throws InvalidInputException ({@code project.unknown_class}) naming each class code that the
     *     parameter set does not know: in the change, in the replacement raster or in the footprint's
     *     current land cover
     */
    static int[] apply(
            LandCoverChange change,
            ParameterSet params,
            int[] before,
            boolean[] inFootprint,
            ReplacementCover replacement,
            GridWindow w) {
        ClassTable table = params.classTable();
        TreeSet<Integer> unknownChange = new TreeSet<>();
        TreeSet<Integer> unknownBefore = new TreeSet<>();
        TreeSet<Integer> unknownAfter = new TreeSet<>();
        if (change instanceof LandCoverChange.ToClass t && !table.isKnown(t.toClass())) {
            unknownChange.add(t.toClass());
        }
        if (change instanceof LandCoverChange.Mapping m) {
            for (Map.Entry<Integer, Integer> e : m.fromTo().entrySet()) {
                for (int code : new int[] {e.getKey(), e.getValue()}) {
                    if (!table.isKnown(code)) {
                        unknownChange.add(code);
                    }
                }
            }
        }
        int[] replaced = replacement == null ? null : replacement.read(w);
        int[] after = before.clone();
        for (int i = 0; i < before.length; i++) {
            if (!inFootprint[i]) {
                continue;
            }
            if (before[i] >= 0 && !table.isKnown(before[i])) {
                unknownBefore.add(before[i]);
            }
            after[i] = changed(change, before[i], replaced == null ? -1 : replaced[i]);
            if (after[i] >= 0 && !table.isKnown(after[i]) && replaced != null) {
                unknownAfter.add(after[i]);
            }
        }
        List<InputProblem> problems = new ArrayList<>();
        unknownChange.forEach(c -> problems.add(unknown(c, "change")));
        unknownBefore.forEach(c -> problems.add(unknown(c, "landcover.tif")));
        unknownAfter.forEach(
                c -> problems.add(unknown(c, String.valueOf(replacement.path().getFileName()))));
        InvalidInputException.throwIfAny(problems);
        return after;
    }

    private static int changed(LandCoverChange change, int before, int replaced) {
        if (change instanceof LandCoverChange.Replacement) {
            return replaced;
        }
        if (before < 0) {
            return before;
        }
        if (change instanceof LandCoverChange.ToClass t) {
            return t.toClass();
        }
        return ((LandCoverChange.Mapping) change).fromTo().getOrDefault(before, before);
    }

    private static InputProblem unknown(int code, String input) {
        return new InputProblem(
                "project.unknown_class",
                input,
                input + "：地类代码 " + code + " 不在参数集的地类表中",
                input + ": land-cover class " + code + " is not in the parameter set's class table");
    }
}
