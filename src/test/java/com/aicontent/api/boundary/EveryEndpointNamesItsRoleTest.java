package com.aicontent.api.boundary;

import com.aicontent.api.entity.Role;
import com.aicontent.content.boundary.ArticlesResource;
import com.aicontent.generation.boundary.GenerationControlResource;
import com.aicontent.generation.boundary.GenerationsResource;
import com.aicontent.progress.boundary.ProgressResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every resource method states who may call it (a role or public), so the role matrix is read off
 * the code; a resource added without one would need admin (the filter's default), and fails here.
 */
class EveryEndpointNamesItsRoleTest {

    @Test
    void theMatrixInTheCodeIsTheIssuesMatrix() {
        Map<String, String> roles = new TreeMap<>();
        for (Class<?> resource : List.of(ProgressResource.class, ArticlesResource.class, GenerationsResource.class,
                GenerationControlResource.class, AuthResource.class)) {
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)) {
                    String who = method.isAnnotationPresent(PublicEndpoint.class) ? "public"
                            : AccessFilter.needed(method, resource).wireName();
                    roles.put(resource.getSimpleName() + "." + method.getName(), who);
                }
            }
        }
        assertEquals(Map.of(
                "ArticlesResource.article", "viewer",
                "ArticlesResource.image", "viewer",
                "AuthResource.config", "public",
                "AuthResource.me", "viewer",
                "GenerationControlResource.cancel", "editor",
                "GenerationControlResource.restart", "editor",
                "GenerationsResource.recent", "viewer",
                "GenerationsResource.start", "editor",
                "ProgressResource.status", "viewer"), roles);
    }

    @Test
    void everyResourceClassIsInTheListAbove() throws IOException, URISyntaxException {
        var root = Paths.get(ProgressResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            List<String> resources = files.map(root::relativize).map(Object::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(EveryEndpointNamesItsRoleTest::isResource).sorted().toList();
            assertEquals(List.of("com.aicontent.api.boundary.AuthResource", "com.aicontent.content.boundary.ArticlesResource",
                    "com.aicontent.generation.boundary.GenerationControlResource", "com.aicontent.generation.boundary.GenerationsResource",
                    "com.aicontent.progress.boundary.ProgressResource"), resources);
        }
    }

    @Test
    void withoutAnAnnotationAnEndpointNeedsAdmin() throws NoSuchMethodException {
        class Unmarked {
            public void call() {
            }
        }
        assertEquals(Role.ADMIN, AccessFilter.needed(Unmarked.class.getMethod("call"), Unmarked.class));
        assertTrue(Arrays.stream(Role.values()).allMatch(role -> Role.ADMIN.includes(role)));
    }

    private static boolean isResource(String name) {
        try {
            return Class.forName(name, false, EveryEndpointNamesItsRoleTest.class.getClassLoader()).isAnnotationPresent(Path.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
