using System.Globalization;
using System.Net;

namespace FlashSale.PaymentSandbox;

/// <summary>
/// The page a code_url opens: what the shopper would see in WeChat after scanning. Plain HTML that reads on a phone;
/// the script only counts down. Elements have ids (amount, description, countdown, state, pay, fail) for page tests.
/// </summary>
internal static class PayPage
{
    public static string PathOf(PaymentChannel channel, string outTradeNo) =>
        $"/pay/{Uri.EscapeDataString(channel.Name)}/{Uri.EscapeDataString(outTradeNo)}";

    public static string Render(TradeSnapshot trade, DateTimeOffset now)
    {
        var terms = trade.Terms;
        var actionBase = $"/sandbox/{Uri.EscapeDataString(trade.Channel.Name)}/payments/{Uri.EscapeDataString(terms.OutTradeNo)}";
        var payable = trade.IsPayable(now);
        var state = trade.State switch
        {
            TradeState.Success => $"Paid. Transaction {trade.TransactionId}.",
            TradeState.Closed => "This order is closed.",
            _ when !payable => "Time is up: this order can no longer be paid.",
            TradeState.PayError => "The payment failed. You may try again.",
            _ => "Waiting for payment.",
        };
        var remaining = Math.Max(0, (long)(terms.TimeExpire - now).TotalSeconds);
        var controls = payable
            ? $"""
              <p>Pay within <span id="countdown" data-remaining="{remaining.ToString(CultureInfo.InvariantCulture)}">{Countdown(remaining)}</span></p>
              <form method="post" action="{actionBase}/pay"><button id="pay" class="pay" type="submit">Pay</button></form>
              <form method="post" action="{actionBase}/fail"><button id="fail" class="fail" type="submit">Fail</button></form>
              """
            : "";
        return Page($"¥{Money.Yuan(terms.Total)}", $"""
            <p class="channel">{Html(trade.Channel.Name)} sandbox · {Html(terms.OutTradeNo)}</p>
            <p id="amount" class="amount">¥{Money.Yuan(terms.Total)}</p>
            <p id="description" class="description">{Html(terms.Description)}</p>
            <p id="state" class="state" data-state="{trade.StateCode}">{Html(state)}</p>
            {controls}
            """);
    }

    public static string NotFound(string outTradeNo) =>
        Page("Not found", $"""<p id="state" class="state">No order {Html(outTradeNo)} here.</p>""");

    private static string Countdown(long seconds) =>
        seconds >= 3600
            ? $"{(seconds / 3600).ToString(CultureInfo.InvariantCulture)}:{(seconds / 60 % 60).ToString("00", CultureInfo.InvariantCulture)}:{(seconds % 60).ToString("00", CultureInfo.InvariantCulture)}"
            : $"{(seconds / 60).ToString(CultureInfo.InvariantCulture)}:{(seconds % 60).ToString("00", CultureInfo.InvariantCulture)}";

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html(title)}} · Sandbox pay</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 0; background: #f2f2f2; color: #222; }
          main { max-width: 26rem; margin: 0 auto; padding: 2rem 1.25rem; text-align: center; }
          .channel { color: #888; font-size: .85rem; word-break: break-all; }
          .amount { font-size: 2.6rem; font-weight: 600; margin: .5rem 0; }
          .description { font-size: 1.1rem; }
          .state { color: #555; }
          form { margin: .75rem 0; }
          button { width: 100%; padding: .9rem; font-size: 1.1rem; border: 0; border-radius: .5rem; }
          .pay { background: #07c160; color: #fff; }
          .fail { background: #e5e5e5; color: #c00; }
          button:disabled { opacity: .4; }
        </style>
        </head>
        <body>
        <main>
        {{body}}
        </main>
        <script>
          (function () {
            var countdown = document.getElementById("countdown");
            if (!countdown) { return; }
            var end = Date.now() + Number(countdown.dataset.remaining) * 1000;
            function pad(n) { return (n < 10 ? "0" : "") + n; }
            function tick() {
              var s = Math.max(0, Math.round((end - Date.now()) / 1000));
              countdown.textContent = s >= 3600 ? Math.floor(s / 3600) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60) : Math.floor(s / 60) + ":" + pad(s % 60);
              if (s === 0) {
                document.getElementById("pay").disabled = true;
                document.getElementById("state").textContent = "Time is up: this order can no longer be paid.";
                return;
              }
              setTimeout(tick, 1000);
            }
            tick();
          })();
        </script>
        </body>
        </html>
        """;
}
