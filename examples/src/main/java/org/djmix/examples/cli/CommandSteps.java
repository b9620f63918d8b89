package org.djmix.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import org.djmix.core.platform.ProcessMemory;
import picocli.CommandLine;

/**
 * Runs a pipeline as a list of {@code djmix} command lines ({@code quickstart}, {@code sweep}),
 * each printed before it runs so that it can be repeated or continued by hand; it stops at the
 * first that fails.
 */
final class CommandSteps {

    private CommandSteps() {}

    /**
     * Runs the steps in order.
     *
     * @param steps the command lines, without {@code djmix}
     * @param parent the running command, whose output and error streams the steps share
     * @return 0, or the exit code of the first step that failed
     */
    static int run(List<List<String>> steps, CommandLine parent) {
        PrintWriter printer = parent.getOut();
        for (List<String> step : steps) {
            printer.println("$ djmix " + String.join(" ", step));
            printer.flush();
            int code = DJMixCommand.run(step.toArray(String[]::new), printer, parent.getErr());
            if (code != 0) {
                return code;
            }
            ProcessMemory.release();
        }
        return 0;
    }
}
