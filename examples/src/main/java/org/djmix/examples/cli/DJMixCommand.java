package org.djmix.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code djmix} command line: the root command, to which the subcommands (DAE training,
 * corruption, training, evaluation, prediction, quickstart, the analysis figures, the Spark jobs)
 * attach. Bad arguments give one line on standard error and exit code 2; a failure (unreadable
 * data, a bad model directory) gives one line naming what and where, and exit code 1.
 */
@Command(
        name = "djmix",
        mixinStandardHelpOptions = true,
        versionProvider = DJMixVersion.class,
        subcommands = {
            DaeCommand.class,
            CorruptCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            QuickstartCommand.class,
            FourierCommand.class,
            SweepCommand.class,
            SparkCommand.class
        },
        description =
                "DJMix: unsupervised, task-agnostic augmentation for robustness to image"
                        + " corruptions, on Deep Java Library.")
public final class DJMixCommand implements Callable<Integer> {

    private static final Logger logger = LoggerFactory.getLogger(DJMixCommand.class);

    @Spec private CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(
                run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @param out where results and help go
     * @param err where errors go
     * @return the exit code: 0 on success, 2 on bad arguments, 1 on a failure
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new DJMixCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(
                (ex, arguments) -> {
                    CommandLine command = ex.getCommandLine();
                    command.getErr()
                            .printf(
                                    "%s: %s (see '%s --help')%n",
                                    command.getCommandName(),
                                    ex.getMessage(),
                                    command.getCommandSpec().qualifiedName());
                    return CommandLine.ExitCode.USAGE;
                });
        commandLine.setExecutionExceptionHandler(
                (ex, command, parseResult) -> {
                    logger.debug("{} failed", command.getCommandSpec().qualifiedName(), ex);
                    command.getErr()
                            .printf(
                                    "%s: %s%n",
                                    command.getCommandSpec().qualifiedName(), describe(ex));
                    return CommandLine.ExitCode.SOFTWARE;
                });
        return commandLine.execute(args);
    }

    /** One line for a failure: the message, or the exception's type when it has none. */
    private static String describe(Exception ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            return ex.getClass().getSimpleName()
                    + " (run with -Dorg.slf4j.simpleLogger.defaultLogLevel=debug for the trace)";
        }
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.OK;
    }
}
