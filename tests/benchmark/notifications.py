#!/usr/bin/env python3
"""Notification processing rate of paid sales (issue 19): N orders placed and payments started, then
all paid at the sandbox gateway as fast as it takes them; the gateway notifies, the API verifies and
the silo settles each capture. Measures captures per second at the gateway, orders settled per
second from the first payment to the last settlement, and each capture's delay from the shopper's
payment to its settlement in PostgreSQL (p50, p99). Prints one JSON object."""
import argparse, json, subprocess, sys, time, urllib.request, uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone


def call(method, url, body=None, token=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read()
        return json.loads(text) if text else None


def token(api, user, role):
    return call("POST", f"{api}/api/dev/tokens", {"userId": user, "roles": [role]})["token"]


def psql(conn, sql):
    parts = dict(p.split("=", 1) for p in conn.split(";") if p)
    env = {"PGPASSWORD": parts["Password"], "PATH": "/usr/bin:/bin"}
    out = subprocess.run(["psql", "-h", parts["Host"], "-p", parts["Port"], "-U", parts["Username"], "-d", parts["Database"], "-At", "-F", ",", "-c", sql],
                         env=env, check=True, capture_output=True, text=True)
    return [line.split(",") for line in out.stdout.splitlines() if line]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", required=True)
    parser.add_argument("--sandbox", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=16)
    args = parser.parse_args()
    n, api = args.orders, args.api.rstrip("/")

    marketer = token(api, "bench-marketer", "marketing")
    now = datetime.now(timezone.utc)
    campaign = call("POST", f"{api}/api/campaigns", {
        "name": "notification bench", "coupon": {"kind": "fixed", "currency": "CNY", "amountOff": 10},
        "totalStock": n, "perUserLimit": 1, "startsAt": (now - timedelta(minutes=1)).isoformat(),
        "endsAt": (now + timedelta(hours=1)).isoformat(), "validity": {"days": 7},
        "price": {"cash": 9.9}, "payment": {"window": "00:30:00"}}, marketer)["id"]

    with ThreadPoolExecutor(args.threads) as pool:
        shoppers = list(pool.map(lambda i: token(api, f"bench-payer-{i}", "shopper"), range(n)))
        orders = list(pool.map(lambda t: call("POST", f"{api}/api/campaigns/{campaign}/claims", None, t,
                                              {"Idempotency-Key": str(uuid.uuid4()), "X-Device-Id": str(uuid.uuid4())})["order"]["orderId"], shoppers))
        pay_urls = list(pool.map(lambda pair: call("POST", f"{api}/api/orders/{pair[0]}/payment", None, pair[1])["payUrl"], zip(orders, shoppers)))

        paid_at = {}

        def pay(item):
            order, url = item
            channel, trade = url.split("/pay/", 1)[1].split("/")
            paid_at[order] = datetime.now(timezone.utc)
            call("POST", f"{args.sandbox.rstrip('/')}/sandbox/{channel}/payments/{trade}/pay", {})

        started = time.monotonic()
        list(pool.map(pay, zip(orders, pay_urls)))
        paying = time.monotonic() - started

    while True:
        settled = int(psql(args.db, f"SELECT count(*) FROM sale_orders WHERE campaign_id = '{campaign}' AND status = 'paid'")[0][0])
        if settled >= n or time.monotonic() - started > 300:
            break
        time.sleep(0.05)
    settling = time.monotonic() - started

    recorded = {row[0]: datetime.fromisoformat(row[1]) for row in psql(args.db,
        f"SELECT p.order_id, to_char(p.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US+00:00') FROM sale_payments p "
        f"JOIN sale_orders o USING (order_id) WHERE o.campaign_id = '{campaign}' AND p.settlement = 'coupon'")}
    delays = sorted((recorded[o] - paid_at[o]).total_seconds() * 1000 for o in orders if o in recorded)
    pick = lambda q: round(delays[min(len(delays) - 1, int(q * len(delays)))], 1) if delays else None
    print(json.dumps({"orders": n, "settled": settled, "captures_per_s": round(n / paying, 1),
                      "settled_per_s": round(settled / settling, 1), "delay_ms_p50": pick(0.5), "delay_ms_p99": pick(0.99)}))
    return 0 if settled == n else 1


if __name__ == "__main__":
    sys.exit(main())
