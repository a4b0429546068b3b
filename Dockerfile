# Build: docker build -t sevzero .
# Run:   docker run -e SLACK_BOT_TOKEN=… -e SLACK_APP_TOKEN=… -v sevzero-data:/data sevzero
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so that a source change does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system sevzero \
 && useradd --system --gid sevzero --home-dir /app --shell /usr/sbin/nologin sevzero \
 && mkdir -p /app /data \
 && chown sevzero:sevzero /data
COPY --from=build /src/target/sevzero.jar /app/sevzero.jar
USER sevzero
WORKDIR /app
# The SQLite database lives on the volume so that incidents survive a new container.
VOLUME /data
ENV DATABASE_URL=jdbc:sqlite:/data/sevzero.db \
    PORT=3000
EXPOSE 3000
# The image has bash but no guarantee of curl or wget: ask /healthz over bash's /dev/tcp.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-3000} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/app/sevzero.jar"]
