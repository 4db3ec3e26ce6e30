# The Orleans silo. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t flashsale-silo .
# Configured by environment variables only (see the Deployment section of README.md); it installs
# the database schema itself at start, so PostgreSQL needs nothing but an empty database.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first: the package restore stays cached until one of them changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY grain-interfaces/FlashSale.GrainInterfaces.csproj grain-interfaces/
COPY grains/FlashSale.Grains.csproj grains/
COPY silo/FlashSale.Silo.csproj silo/
RUN dotnet restore silo/FlashSale.Silo.csproj
COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY silo/ silo/
# The Development settings hold development-only keys; an image never runs with them.
RUN dotnet publish silo/FlashSale.Silo.csproj -c Release --no-restore -o /app \
    && rm /app/appsettings.Development.json

# aspnet rather than runtime: the silo's management endpoint (health, metrics) is served by Kestrel.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The base image's default port would be overridden by ASPNETCORE_URLS, with a warning at every start.
ENV ASPNETCORE_HTTP_PORTS=
USER $APP_UID
# Management (ASPNETCORE_URLS), silo to silo (Orleans__SiloPort), gateway for API nodes (Orleans__GatewayPort).
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "FlashSale.Silo.dll"]
