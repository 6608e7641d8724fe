/** Pure-Java module gep: no Spring, no JDBC on its classpath. */
package liangshan.gep;
