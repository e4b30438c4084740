# syntax=docker/dockerfile:1
FROM golang:1.26.11-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=""
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" -o /out/feedsvc ./cmd/feedsvc
RUN mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="feedsvc" \
      org.opencontainers.image.description="News feed aggregator publishing RSS 2.0, Atom 1.0 and JSON Feed 1.1" \
      org.opencontainers.image.licenses="MIT"
COPY --from=build /out/feedsvc /usr/local/bin/feedsvc
COPY examples /etc/feedsvc/examples
# The disk store (used when REDIS_URL is empty): mount a volume on /data.
COPY --from=build --chown=65532:65532 /out/data /data
# BASE_URL defaults to http://127.0.0.1:8080, which only this container can
# reach: set it to the public URL (feedsvc warns at start when it is loopback).
ENV LISTEN_ADDR=0.0.0.0:8080 LOG_FORMAT=json FEEDSVC_CONFIG=/etc/feedsvc/examples/feedsvc.yaml DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
USER nonroot:nonroot
# The image has no shell or curl: the binary asks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/usr/local/bin/feedsvc", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/feedsvc"]
CMD ["serve"]
