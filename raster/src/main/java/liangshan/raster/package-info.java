/** Pure-Java module raster: no Spring, no JDBC on its classpath. */
package liangshan.raster;
