# syntax=docker/dockerfile:1
# The WAR on the official Payara Micro 7 image, at context root /.
#   docker build -t ai-content-generator .
#   docker run -p 8080:8080 -e ADMIN_TOKEN=... -e REDIS_URL=redis://redis:6379 -e DB_HOST=... ai-content-generator
# compose.yaml starts it with Redis and PostgreSQL. Keep PAYARA_TAG at the pom's payara.version.
ARG PAYARA_TAG=7.2026.11

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
# Tests need Redis, PostgreSQL and a Payara of their own: they run in CI (.ci/run), not here.
# The build also copies the PostgreSQL driver to target/ for the runtime stage.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -Dmaven.test.skip=true package

FROM payara/micro:${PAYARA_TAG}
# The image runs Payara as the unprivileged user "payara" (uid 1000); say so for readers and linters.
USER payara
COPY --from=build --chown=payara:payara /build/target/postgresql.jar /opt/payara/lib/postgresql.jar
COPY --from=build --chown=payara:payara /build/target/ai-content-generator.war /opt/payara/deployments/ai-content-generator.war
COPY --chown=payara:payara src/main/payara/post-boot-commands.asadmin /opt/payara/config/post-boot-commands.asadmin

# Configuration comes from the environment (MicroProfile Config reads it directly; docs/configuration.md lists
# every key). Secrets (ADMIN_TOKEN, DB_PASSWORD, the model's API key) have no default: pass them at run time.
ENV REDIS_URL=redis://redis:6379 \
    AI_PROVIDER=demo \
    DB_HOST=postgres \
    DB_PORT=5432 \
    DB_NAME=aicontent \
    DB_SCHEMA=public \
    DB_USER=aicontent

EXPOSE 8080

# Readiness: Redis answers and the datasource connects. busybox wget is part of the Alpine-based image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/health/ready || exit 1

# The image's entrypoint runs "java ${JVM_ARGS} -jar payara-micro.jar" with these arguments.
# --nocluster: instances share state through Redis, not through Payara's data grid.
CMD ["--deploy", "/opt/payara/deployments/ai-content-generator.war", \
     "--contextroot", "/", \
     "--addlibs", "/opt/payara/lib/postgresql.jar", \
     "--postbootcommandfile", "/opt/payara/config/post-boot-commands.asadmin", \
     "--nocluster"]
