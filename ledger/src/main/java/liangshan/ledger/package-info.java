/** Pure-Java module ledger: no Spring, no JDBC on its classpath. */
package liangshan.ledger;
