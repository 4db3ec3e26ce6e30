namespace FlashSale.LoadGen.Options;

public static class Usage
{
    public const string Text =
        """
        FlashSale.LoadGen: simulated shoppers racing to claim coupons, for benchmarks.
        Targets this machine only; every run stops by itself (time or request count).

        Usage: dotnet FlashSale.LoadGen.dll [options]

        Target
          --base-url URL          server under load (default http://localhost:5000); must be loopback
          --target NAME           claims (default): POST /api/campaigns/{id}/claims
                                  redis: POST /redis/campaigns/{id}/claims on the Redis baseline
                                  bare:  POST /bare with a small JSON body (the HTTP ceiling)

        Load
          --mode closed|open      closed (default): each connection sends, awaits the answer, sends again
                                  open: requests fall due at fixed times whatever the answers; a request
                                  that finds no free connection waits, and its latency counts from when
                                  it fell due
          --rate R                requests per second; open mode only, and required there
          --connections C         keep-alive HTTP/1.1 connections, one request in flight on each (default 64)
          --duration T            time measured, e.g. 10s, 500ms, 2m (default 10s; none with --requests)
          --warmup T              unmeasured time before it (default 2s; 0 with --requests)
          --requests N            stop after N measured requests (with --duration: whichever comes first)
          --timeout T             give up on one request after T (default 10s)

        Campaigns
          --campaigns N           create N campaigns (default 1); each request picks one at random
          --campaign-ids a,b,c    claim on these existing campaigns instead
          --stock S               coupons of each created campaign (default 1000)
          --per-user-limit L      coupons one shopper may hold per created campaign (default 1)

        Shoppers
          --shoppers N            distinct shoppers, one device each, all with tokens minted up front
                                  (default 10000); each request picks one at random
          --replay-share F        share of requests that resend a key which already got a coupon, by the
                                  same shopper to the same campaign; the same coupon must come back
                                  (default 0.05)
          --signing-key K         mint HS256 tokens here with key K (fast: use it for a million shoppers)
          --issuer I              iss of those tokens (default flashsale)
          --audience A            aud of those tokens (default flashsale-api)
          --token-url URL         server whose POST /api/dev/tokens mints the tokens (default --base-url);
                                  the Redis baseline has no such endpoint, FlashSale's API does

        Results
          --db CONNSTRING         after the run, check the invariants in FlashSale's PostgreSQL ledger
          --json FILE             also write the results as JSON
          --help                  this text

        Progress goes to stderr every second; the summary to stdout.
        Exit codes: 0 done and every invariant held, 1 usage or setup error, 2 an invariant failed.

        """;
}
