/**
 * The subcommands of {@code ldn}: each a picocli {@code Callable<Integer>} that parses its options, calls the run
 * assembly ({@link org.ldn.cli.run}) and the writers ({@link org.ldn.cli.output}), and maps failures to the exit
 * codes of {@link org.ldn.cli.command.ExitCodes}. No method code lives here.
 */
package org.ldn.cli.command;
