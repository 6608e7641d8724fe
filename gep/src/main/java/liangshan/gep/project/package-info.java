/**
 * Project-level GEP (gep-method.md "Project-level GEP", issue 3 item 7): the change of every
 * regulating indicator (§R1–§R8) caused by a land-cover change inside a footprint polygon, in
 * physical quantity and in 元, with the provenance of a run. This is what eco credits are computed
 * from. Entry point: {@link liangshan.gep.project.ProjectImpact}.
 *
 * <p>Only a window around the footprint is read and computed; the choices that make the windowed Δ
 * equal to the difference of two full runs (or say where it legitimately differs) are in {@code
 * gep/METHOD-CHOICES.md} (C24–C26).
 */
package liangshan.gep.project;
