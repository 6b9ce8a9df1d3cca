using Medborgare.Collection.Model;

namespace Medborgare.Collection.Cases;

/// <summary>The e-mail that carries an answer to the resident, in Swedish and English, plain text.</summary>
public static class CaseEmailText
{
    public static string Subject(CitizenFeedback f, CaseOptions options) => $"Svar på din synpunkt {f.Receipt} / Reply to your feedback";

    public static string Body(CitizenFeedback f, string answer, CaseOptions options)
    {
        var link = options.CasePageUrl?.Replace("{receipt}", f.Receipt, StringComparison.Ordinal);
        return $"""
            Hej!

            Tack för din synpunkt ({f.Receipt}), som kom in {SwedishCalendar.DayInSweden(f.ReceivedAt):yyyy-MM-dd}. Här är vårt svar:

            {answer}

            {(link is null ? "" : $"Du kan följa ärendet på {link}\n\n")}Med vänlig hälsning
            {f.Committee}

            ---
            Thank you for your feedback ({f.Receipt}). Our reply is above, in Swedish.{(link is null ? "" : $" Follow the case at {link}")}
            """;
    }
}
