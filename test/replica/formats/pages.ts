/**
 * EDGAR's error pages as the replica answers them. Both refusal pages share EDGAR's title ("Request Rate
 * Threshold Exceeded"); only the heading and text differ, which is what clients must tell apart.
 */

function page(heading: string, paragraphs: readonly string[]): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>SEC.gov | Request Rate Threshold Exceeded</title>
</head>
<body>
<div id="header">U.S. Securities and Exchange Commission</div>
<div id="content">
<h1>${heading}</h1>
${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}
<p>Reference ID: 0.replica.${Date.now()}</p>
</div>
</body>
</html>
`;
}

/** The 403 (sometimes 429) page of a client over 10 requests per second. */
export function rateExceededPage(blockMinutes: number): string {
  return page('You’ve Exceeded the SEC’s Traffic Limit', [
    `Your request rate has exceeded the SEC’s maximum allowable requests per second. Your access to SEC.gov will be limited for ${blockMinutes} minutes.`,
    'Current guidelines limit each user to a total of no more than 10 requests per second, regardless of the number of machines used to submit requests.',
    `The block will be lifted automatically by waiting ${blockMinutes} minutes. Continuing to exceed the SEC’s maximum allowable request rate during the time-out period will extend the duration of the time-out period.`,
  ]);
}

/** The 403 page of a request whose User-Agent does not declare who sends it. */
export function undeclaredToolPage(): string {
  return page('Your Request Originates from an Undeclared Automated Tool', [
    'To allow for equitable access to all users, SEC reserves the right to limit requests originating from undeclared automated tools. Your request has been identified as part of a network of automated tools outside of the acceptable policy and will be managed until action is taken to declare your traffic.',
    'Please declare your traffic by updating your user agent to include company specific information.',
  ]);
}

export function notFoundPage(path: string): string {
  return `<!DOCTYPE html>
<html><head><title>SEC.gov | File Not Found Error Alert (404)</title></head>
<body><h1>File Not Found Error Alert (404)</h1><p>The requested URL ${path.replace(/[<>&"]/g, '')} was not found on this server.</p></body></html>
`;
}

export function serviceUnavailablePage(): string {
  return `<!DOCTYPE html>
<html><head><title>503 Service Unavailable</title></head>
<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request. Please try again later.</p></body></html>
`;
}
