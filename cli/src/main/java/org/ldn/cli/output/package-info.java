/**
 * What a run leaves on disk: the atomically replaced output folder and its manifest, {@code report.json}, the CSV
 * tables, the UNCCD workbook, map styles, batch summaries and timings.
 */
package org.ldn.cli.output;
