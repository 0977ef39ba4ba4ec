/**
 * The report a person reads: one self-contained HTML document (maps, charts, tables, provenance) made from a run's
 * output folder, and its PDF print. Page assembly ({@link org.ldn.cli.document.ReportDocument}), map pictures
 * downsampled from the streamed maps ({@link org.ldn.cli.document.MapRaster}, {@link org.ldn.cli.document.MapPicture}),
 * charts ({@link org.ldn.cli.document.Charts}), tables ({@link org.ldn.cli.document.TableViews}) and provenance
 * ({@link org.ldn.cli.document.Provenance}). Figures come from report.json as they are; nothing is computed here
 * beyond sums and ratios the reporting tables already define.
 */
package org.ldn.cli.document;
