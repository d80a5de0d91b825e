/** What a rule refuses in a form: the field it concerns and the message, in GOV.UK wording. */
export interface FormProblem {
  field: string;
  message: string;
}
