using FlashSale.GrainInterfaces.Risk;
using Microsoft.Extensions.Localization;

namespace FlashSale.Api.Risk.Rules;

/// <summary>
/// The signals rules can test, each with its meaning in the reader's language (Accept-Language, as for
/// problems): English from <see cref="RiskSignals.All"/>, others from <c>SignalMeanings.{language}.resx</c>
/// by signal name, so an operator's tools and the admin page read one text.
/// </summary>
public sealed class SignalMeanings(IStringLocalizer<SignalMeanings> localizer)
{
    public IEnumerable<SignalResponse> All() =>
        RiskSignals.All.Select(signal => new SignalResponse(signal.Key, localizer[signal.Key] is { ResourceNotFound: false } translated ? translated.Value : signal.Value));
}
