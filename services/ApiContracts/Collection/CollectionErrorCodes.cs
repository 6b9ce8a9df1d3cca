namespace Medborgare.ApiContracts.Collection;

/// <summary>
/// The per-field codes Collection sends in a validation problem's <c>codes</c> (answers by question key, feedback by field).
/// The web app words each in the resident's language; Collection's own messages beside them are for everyone else.
/// </summary>
public static class CollectionErrorCodes
{
    public const string UnknownQuestion = "unknown-question";
    public const string AnsweredTwice = "answered-twice";
    public const string Required = "required";
    public const string ScaleValueExpected = "scale-value-expected";
    public const string ScaleValueRequired = "scale-value-required";
    public const string OutsideScale = "outside-scale";
    public const string OneChoiceExpected = "one-choice-expected";
    public const string ChoicesExpected = "choices-expected";
    public const string ChoiceTwice = "choice-twice";
    public const string UnknownChoice = "unknown-choice";
    public const string NumberExpected = "number-expected";
    public const string NumberOutOfRange = "number-out-of-range";
    public const string TextExpected = "text-expected";
    public const string TextTooLong = "text-too-long";
    public const string TextControlCharacters = "text-control-characters";
    public const string TextMarkup = "text-markup";
    public const string UnknownQuestionType = "unknown-question-type";
    public const string PageOutOfRange = "page-out-of-range";
    public const string SubmissionKeyMissing = "submission-key-missing";

    public const string CategoryRequired = "category-required";
    public const string GoalAreaUnknown = "goal-area-unknown";
    public const string DistrictTooLong = "district-too-long";
    public const string FeedbackTextRequired = "feedback-text-required";
    public const string ContactTooLong = "contact-too-long";
    public const string EmailInvalid = "email-invalid";
    public const string ConsentRequired = "consent-required";

    public const string ChannelInvalid = "channel-invalid";
    public const string ReceivedAtInvalid = "received-at-invalid";
    public const string CommitteeRequired = "committee-required";
    public const string CommitteeTooLong = "committee-too-long";
    public const string AssigneeTooLong = "assignee-too-long";
    public const string AnswerRequired = "answer-required";
    public const string NoEmailToSend = "no-email-to-send";
}
