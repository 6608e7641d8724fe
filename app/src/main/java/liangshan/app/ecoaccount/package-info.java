/** The eco account (生态账户): GEP runs, results per village and year, warnings and project-level GEP. It turns the pure {@code gep} engine into jobs, tables and API. */
package liangshan.app.ecoaccount;
