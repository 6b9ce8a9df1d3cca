namespace Medborgare.ApiContracts.Distribution;

/// <summary>
/// The per-field codes Distribution sends in a validation problem's <c>codes</c> (a questionnaire's problems by their path,
/// a request's by field, a frame file's by line and column). Distribution's own messages beside them follow Accept-Language, in Swedish or English.
/// </summary>
public static class DistributionErrorCodes
{
    // The questionnaire (QuestionnaireValidator), keyed by path such as sections[0].questions[1].key.
    public const string SwedishTextMissing = "swedish-text-missing";
    public const string NoSections = "no-sections";
    public const string SectionKeyMissing = "section-key-missing";
    public const string SectionKeyTaken = "section-key-taken";
    public const string SectionWithoutQuestions = "section-without-questions";
    public const string QuestionKeyMissing = "question-key-missing";
    public const string QuestionKeyTaken = "question-key-taken";
    public const string ScaleMissing = "scale-missing";
    public const string ScaleEmpty = "scale-empty";
    public const string TooFewChoices = "too-few-choices";
    public const string ChoiceValueInvalid = "choice-value-invalid";
    public const string ConditionNotEarlier = "condition-not-earlier";
    public const string ConditionUnknownChoice = "condition-unknown-choice";
    public const string ConditionEmpty = "condition-empty";
    public const string IndexKeyTaken = "index-key-taken";
    public const string IndexWithoutItems = "index-without-items";
    public const string IndexItemUnknown = "index-item-unknown";
    public const string IndexItemNotScale = "index-item-not-scale";
    public const string FactorWithoutParent = "factor-without-parent";

    // Requests.
    public const string MunicipalityCodeInvalid = "municipality-code-invalid";
    public const string YearOutOfRange = "year-out-of-range";
    public const string TitleRequired = "title-required";
    public const string TitleTooLong = "title-too-long";
    public const string TemplateUnknown = "template-unknown";
    public const string NoSurveyToCopy = "no-survey-to-copy";
    public const string RetentionOutOfRange = "retention-out-of-range";
    public const string AllocationRequired = "allocation-required";
    public const string SampleSizeTooSmall = "sample-size-too-small";
    public const string SampleLargerThanFrame = "sample-larger-than-frame";
    public const string FrameCountOutOfRange = "frame-count-out-of-range";
    public const string ReminderRoundInvalid = "reminder-round-invalid";

    // A frame file's lines (FrameLineError), by file line and column.
    public const string FrameFileEmpty = "frame-file-empty";
    public const string FrameColumnTwice = "frame-column-twice";
    public const string FrameColumnMissing = "frame-column-missing";
    public const string FrameQuoteUnterminated = "frame-quote-unterminated";
    public const string FrameFieldCount = "frame-field-count";
    public const string FrameValueMissing = "frame-value-missing";
    public const string FrameValueTooLong = "frame-value-too-long";
    public const string FrameIdTwice = "frame-id-twice";
    public const string FramePersonnummerNoSuchDate = "frame-personnummer-no-such-date";
    public const string FramePersonnummerCheckDigit = "frame-personnummer-check-digit";
    public const string FramePostalCodeInvalid = "frame-postal-code-invalid";
    public const string FrameBirthYearInvalid = "frame-birth-year-invalid";
    public const string FrameBirthYearOutOfRange = "frame-birth-year-out-of-range";
    public const string FrameBirthDateInvalid = "frame-birth-date-invalid";
    public const string FrameBirthYearMismatch = "frame-birth-year-mismatch";
    public const string FrameSexInvalid = "frame-sex-invalid";
}
