# The API node (HTTP, SignalR and the web pages). Build from the repository root:
#   docker build -f deploy/docker/api.Dockerfile -t flashsale-api .
# Configured by environment variables only (see the Deployment section of README.md).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build runs `npm ci` for the pages' SignalR client (a target in api/FlashSale.Api.csproj).
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Project files first: the package restore stays cached until one of them changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY grain-interfaces/FlashSale.GrainInterfaces.csproj grain-interfaces/
COPY api/FlashSale.Api.csproj api/
RUN dotnet restore api/FlashSale.Api.csproj
COPY grain-interfaces/ grain-interfaces/
COPY api/ api/
# The Development settings hold a development-only signing key; an image never runs with it.
RUN dotnet publish api/FlashSale.Api.csproj -c Release --no-restore -o /app \
    && rm /app/appsettings.Development.json

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The base image's default port would be overridden by ASPNETCORE_URLS, with a warning at every start.
ENV ASPNETCORE_HTTP_PORTS=
USER $APP_UID
# HTTP, SignalR, health and metrics (ASPNETCORE_URLS).
EXPOSE 8080
ENTRYPOINT ["dotnet", "FlashSale.Api.dll"]
