# syntax=docker/dockerfile:1

# --- Build stage: compile and package the Spring Boot jar (frontend and course content included). ---
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY src/ src/
COPY frontend/ frontend/
COPY course-content/ course-content/
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -DskipTests -Dspotless.check.skip=true -Dmdep.skip=true package

# --- Runtime stage: JRE only, unprivileged user. ---
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 digilit \
    && useradd --system --uid 10001 --gid digilit --home-dir /app --no-create-home --shell /usr/sbin/nologin digilit
WORKDIR /app
COPY --from=build /build/target/digilit-*.jar /app/app.jar
# Course content is loaded from this folder at start (digilit.content.directory, relative to /app).
COPY --from=build /build/course-content /app/course-content
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/app.jar"]
