// The technology-assisted case (issue 15). A recording form that says the behaviour was online or
// technology-assisted (recorded as such, R-THU-6) brings up the response the national guidance
// for education settings expects where nude or semi-nude images or videos are involved: the UK
// Council for Internet Safety's advice "Sharing nudes and semi-nudes: advice for education settings
// working with children and young people". It is national guidance, shown as such: no authority's
// procedure clause says it, and no requirement of a pack. The form never takes an image.

/** The guidance's source, as the page labels it: national guidance, not a procedure clause. */
export const IMAGE_GUIDANCE_SOURCE =
  'National guidance for education settings: UK Council for Internet Safety, “Sharing nudes and semi-nudes: ' +
  'advice for education settings working with children and young people”. It is not part of your ' +
  'authority’s procedure.';

/** When the incident was online or technology-assisted (R-THU-6), the page shows what to do about images. */
export function showsImageGuidance(answers: { technology_assisted?: string | null; location_type?: string | null }) {
  return answers.technology_assisted === 'yes' || answers.location_type === 'online';
}
