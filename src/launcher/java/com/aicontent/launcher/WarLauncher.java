package com.aicontent.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Makes the WAR a command for operators who have the WAR and a JRE, nothing else:
 * {@code java -jar ai-content-generator.war self-test --url ...}. It unpacks the application's
 * classes and libraries (WEB-INF/classes, WEB-INF/lib) and the JSON implementation that only the
 * command needs (WEB-INF/self-test, which servers ignore, as they bring their own) into a temporary
 * directory, runs the command with a class loader over them, and removes the directory.
 * <p>
 * It is a multi-release entry (META-INF/versions/11): {@code java -jar} finds it there, while
 * servers neither serve nor scan META-INF. Compiled for Java 11, so an older JRE is told in words.
 */
public final class WarLauncher {

    private static final Map<String, String> COMMANDS = Map.of(
            "self-test", "com.aicontent.monitoring.boundary.PollingSelfTestCommand");
    private static final String USAGE = String.join(System.lineSeparator(),
            "This is the ai-content-generator WAR: deploy it on Payara Micro or WildFly (docs/operations.md).",
            "As a command it runs:",
            "  java -jar ai-content-generator.war self-test --url <application> [--token <token>] [--session <hash>] [--redis <url>] [--json]",
            "      the polling self-test against a running instance; self-test --help says more");
    private static final int REQUIRED_JAVA = 21;

    private WarLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < REQUIRED_JAVA) {
            System.err.println("ai-content-generator needs Java " + REQUIRED_JAVA + " or newer; this is Java "
                    + Runtime.version().feature() + " (" + System.getProperty("java.home") + ")");
            System.exit(2);
        }
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            boolean help = args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"));
            (help ? System.out : System.err).println((help || args.length == 0 ? "" : "no command " + args[0]
                    + System.lineSeparator()) + USAGE);
            System.exit(help ? 0 : 2);
        }
        Path war = Path.of(WarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path unpacked = Files.createTempDirectory("ai-content-generator-");
        int status;
        try {
            status = run(COMMANDS.get(args[0]), Arrays.copyOfRange(args, 1, args.length), unpack(war, unpacked));
        } finally {
            delete(unpacked);
        }
        System.exit(status);
    }

    private static int run(String command, String[] args, List<URL> classPath) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(classPath.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            // JSON-B and JSON-P find their implementation through the context class loader
            Thread.currentThread().setContextClassLoader(loader);
            return (Integer) loader.loadClass(command)
                    .getMethod("execute", String[].class, Map.class, PrintStream.class, PrintStream.class)
                    .invoke(null, args, System.getenv(), System.out, System.err);
        } catch (InvocationTargetException e) {
            System.err.println("the command failed: " + e.getCause());
            return 1;
        }
    }

    /** WEB-INF/classes as a directory, and every library of WEB-INF/lib and WEB-INF/self-test. */
    private static List<URL> unpack(Path war, Path into) throws IOException {
        // created first: a URL names a directory only when it ends with a slash, which toUri() adds for an existing one
        Path classes = Files.createDirectories(into.resolve("classes"));
        List<URL> classPath = new ArrayList<>(List.of(classes.toUri().toURL()));
        try (ZipFile zip = new ZipFile(war.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                Path target;
                if (name.startsWith("WEB-INF/classes/")) {
                    target = classes.resolve(name.substring("WEB-INF/classes/".length()));
                } else if ((name.startsWith("WEB-INF/lib/") || name.startsWith("WEB-INF/self-test/")) && name.endsWith(".jar")) {
                    target = into.resolve("lib").resolve(Path.of(name).getFileName().toString());
                    classPath.add(target.toUri().toURL());
                } else {
                    continue;
                }
                if (!target.normalize().startsWith(into)) {
                    throw new IOException("the WAR holds an entry outside its directories: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return classPath;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
