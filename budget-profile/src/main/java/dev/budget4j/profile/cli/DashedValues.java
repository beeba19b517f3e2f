package dev.budget4j.profile.cli;

import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Refuses {@code --jvm-arg --add-modules}: a value that starts with {@code --} must be attached
 * ({@code --jvm-arg=--add-modules=jdk.incubator.vector}), so a forgotten value is never taken from
 * the next option and an option is never taken for a value. picocli alone would accept any
 * {@code --word} it does not know as the value; this runs over a command's arguments before they
 * are parsed.
 */
final class DashedValues implements IParameterPreprocessor {

    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec argSpec, Map<String, Object> info) {
        // The top of the stack is the next argument.
        for (int i = args.size() - 1; i > 0; i--) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            OptionSpec option = arg.startsWith("-") ? command.findOption(arg) : null;
            if (option == null || option.arity().max() == 0) {
                continue;
            }
            if (args.get(i - 1).startsWith("--")) {
                throw new ParameterException(command.commandLine(), "option " + arg + " needs a value (write " + arg
                        + "=VALUE for a value that starts with --)");
            }
            i--; // the value
        }
        return false;
    }
}
