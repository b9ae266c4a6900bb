package com.aicontent.monitoring.boundary;

import com.aicontent.monitoring.control.PollingSelfTest;
import com.aicontent.monitoring.control.ProgressStoreSessions;
import com.aicontent.monitoring.control.StatusEndpoint;
import com.aicontent.monitoring.entity.SelfTestReport;
import com.aicontent.progress.entity.SessionHash;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.io.PrintStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The polling self-test as a command, for an operator with the WAR and a JRE only:
 * {@code java -jar ai-content-generator.war self-test --url http://host:8080}. It writes the simulated
 * session into Redis itself and reads it back from the application over HTTP, so it also proves
 * that the application and the operator mean the same Redis. Prints one PASS/FAIL line per check.
 */
public final class PollingSelfTestCommand {

    static final String USAGE = """
            usage: java -jar ai-content-generator.war self-test --url <application> [--token <token>] [--session <hash>] [--redis <url>] [--json]
              --url      the application as a browser reaches it, e.g. http://localhost:8080
              --token    the server's ADMIN_TOKEN; better set the ADMIN_TOKEN variable, which keeps it out of the process list
              --session  a session hash that does not exist yet (12 characters of A-Z, a-z and 0-9); default: a new random one
              --redis    the Redis the application uses; default: the REDIS_URL variable, else redis://127.0.0.1:6379
              --json     print the report as JSON, as the API call answers it, instead of one line per check
            exit status: 0 when every check passed, 1 when one failed, 2 for a wrong command line""";

    private static final Set<String> OPTIONS = Set.of("url", "token", "session", "redis", "json");

    private PollingSelfTestCommand() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command; answers its exit status. */
    public static int execute(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (arg.equals("--json")) {
                options.put("json", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                return usage(err, "not understood: " + arg);
            }
        }
        for (String option : options.keySet()) {
            if (!OPTIONS.contains(option)) {
                return usage(err, "no option --" + option);
            }
        }
        Optional<URI> url = Optional.ofNullable(options.get("url")).flatMap(PollingSelfTestCommand::httpUrl);
        if (url.isEmpty()) {
            return usage(err, "--url must be the application's address, like http://localhost:8080");
        }
        String token = options.getOrDefault("token", environment.get("ADMIN_TOKEN"));
        if (token == null || token.isBlank()) {
            return usage(err, "give the server's admin token: set the ADMIN_TOKEN variable, or --token");
        }
        String session = options.get("session");
        if (session != null && !SessionHash.isWellFormed(session)) {
            return usage(err, "--session must be 12 characters of A-Z, a-z and 0-9, not '" + session + "'");
        }
        SessionHash hash = session == null ? SessionHash.random() : new SessionHash(session);
        String redis = Optional.ofNullable(options.get("redis"))
                .or(() -> Optional.ofNullable(environment.get("REDIS_URL")).filter(value -> !value.isBlank()))
                .orElse("redis://127.0.0.1:6379");
        boolean json = options.containsKey("json");
        // the store's and Jedis' own log lines would only interleave with the checks
        Logger.getLogger("").setLevel(Level.OFF);

        ProgressStoreSessions sessions;
        try {
            sessions = ProgressStoreSessions.connect(redis, "(give the application's Redis with --redis or REDIS_URL)");
        } catch (IllegalArgumentException e) {
            return usage(err, "--redis: " + e.getMessage());
        }
        try (sessions; StatusEndpoint endpoint = new StatusEndpoint(url.get(), "Bearer " + token.strip(), "check --url")) {
            if (!json) {
                out.println("Polling self-test of " + endpoint.application() + " with session " + hash + ", written to "
                        + sessions.redis());
            }
            SelfTestReport report = new PollingSelfTest(sessions, endpoint,
                    "pass the server's ADMIN_TOKEN (the ADMIN_TOKEN variable, or --token)")
                    .run(Optional.of(hash), check -> {
                        if (!json) {
                            out.println(check);
                        }
                    });
            out.println(json ? toJson(report) : "Summary: " + report.summary() + " in " + report.tookMillis() + " ms");
            return report.passed() ? 0 : 1;
        }
    }

    private static Optional<URI> httpUrl(String candidate) {
        try {
            URI uri = URI.create(candidate);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String toJson(SelfTestReport report) {
        try (Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
            return jsonb.toJson(report);
        } catch (Exception e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }
}
