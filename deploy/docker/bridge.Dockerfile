# The village edge bridge: MQTT from the village broker, the journal on /var/lib/gonggrid-bridge, the gRPC uplink
# to the grid, Prometheus /metrics on 9464. Build from the repository root:
#   docker build -f deploy/docker/bridge.Dockerfile -t gonggrid/bridge:dev .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet publish src/EdgeBridge/GongGrid.EdgeBridge.csproj --configuration Release --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The journal must outlive the container: events are acknowledged to the broker once they are on this disk.
RUN mkdir -p /var/lib/gonggrid-bridge && chown "$APP_UID" /var/lib/gonggrid-bridge
ENV GongGrid__Bridge__DataDirectory=/var/lib/gonggrid-bridge \
    GongGrid__Bridge__MetricsListen=http://0.0.0.0:9464
EXPOSE 9464
VOLUME /var/lib/gonggrid-bridge
# The image's unprivileged "app" user (uid 1654).
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /metrics HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "GongGrid.EdgeBridge.dll"]
