/**
 * Run assembly: from a resolved run file to the engine's inputs (files opened, digests, regridding onto the
 * reference grid, zones rasterized), validation before a run, and the drivers that run the engine several times
 * (scenarios, uncertainty draws, one run per country of a batch).
 */
package org.ldn.cli.run;
