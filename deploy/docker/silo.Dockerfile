# The GongGrid silo: `serve` with the gRPC API on 50051 (h2c), Orleans silo-to-silo on 11111, Prometheus /metrics
# and /healthz on 9464. (No Orleans gateway: clients come in through the gRPC API.) Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t gonggrid/silo:dev .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props ./
COPY samples/ samples/
COPY src/ src/
RUN dotnet publish src/Silo/GongGrid.Silo.csproj --configuration Release --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The grain state (SQLite, when not on PostgreSQL) lives on a volume the app user owns.
RUN mkdir -p /var/lib/gonggrid && chown "$APP_UID" /var/lib/gonggrid
ENV GongGrid__DataDirectory=/var/lib/gonggrid \
    GongGrid__Api__Listen=http://0.0.0.0:50051 \
    GongGrid__Metrics__Listen=http://0.0.0.0:9464 \
    GongGrid__SiloPort=11111 \
    DOTNET_gcServer=1
EXPOSE 50051 11111 9464
VOLUME /var/lib/gonggrid
# The image's unprivileged "app" user (uid 1654).
USER $APP_UID
# /healthz answers 200 once the silo has started and 503 from the moment it stops; bash's /dev/tcp needs no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "GongGrid.Silo.dll"]
CMD ["serve"]
