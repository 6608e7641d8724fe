/**
 * The village e-ledger (闲置资源 e 本账, MISSION V1–V3): idle resources with geometry and area, the
 * parties and the bitemporal register of their rights and restrictions, and transfers of operating
 * rights with their approval path. It owns the {@code eledger_*} tables and reads divisions only
 * through {@link liangshan.app.divisions.Divisions} (village boundaries, containment).
 */
package liangshan.app.eledger;
