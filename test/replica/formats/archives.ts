/**
 * Archives pages of one filing: the directory listing `index.json` (EDGAR's exact spelling: escaped slashes,
 * a space after "last-modified":, sizes as strings, empty for generated files) and the human `-index.htm`.
 */
import { padCik } from '../../../src/identifiers.ts';
import type { ReplicaCompany, ReplicaFiling } from '../dataset.ts';
import { escapeXml, submissionSize, wallClock } from '../catalog.ts';

const FORM_DESCRIPTIONS: Record<string, string> = { CORRESP: 'Correspondence', UPLOAD: 'SEC-generated letter' };

function folderPath(cik: string, filing: ReplicaFiling): string {
  return `/Archives/edgar/data/${cik}/${filing.accessionNumber.replace(/-/g, '')}`;
}

const iconOf = (filename: string): string =>
  /\.(jpg|jpeg|gif|png)$/i.test(filename) ? 'image2.gif' : /\.zip$/i.test(filename) ? 'compressed.gif' : 'text.gif';

export function renderIndexJson(cik: string, filing: ReplicaFiling): string {
  const modified = wallClock(filing.acceptanceDateTime).replace('T', ' ');
  const item = (name: string, size: string, type = 'text.gif') =>
    `{"last-modified": "${modified}","name":"${name}","type":"${type}","size":"${size}"}`;
  const items = [
    item(`${filing.accessionNumber}-index-headers.html`, ''),
    item(`${filing.accessionNumber}-index.html`, ''),
    item(`${filing.accessionNumber}.txt`, ''),
    ...filing.documents.map((doc) => item(doc.filename, String(doc.bytes.length), iconOf(doc.filename))),
  ];
  const escape = (path: string) => path.replace(/\//g, '\\/');
  return `{"directory":{"item":[${items.join(',')}],"name":"${escape(folderPath(cik, filing))}","parent-dir":"${escape(`/Archives/edgar/data/${cik}`)}"}}`;
}

export function renderFilingIndexHtml(company: ReplicaCompany, cik: string, filing: ReplicaFiling): string {
  const folder = folderPath(cik, filing);
  const accepted = wallClock(filing.acceptanceDateTime).replace('T', ' ');
  const lastModified = new Date(filing.acceptanceDateTime).toUTCString();
  const rows = filing.documents.map(
    (doc, index) => `         <tr${index % 2 === 1 ? ' class="evenRow"' : ''}>
            <td scope="row">${doc.sequence}</td>
            <td scope="row">${escapeXml(doc.description ?? '')}</td>
            <td scope="row"><a href="${folder}/${doc.filename}">${escapeXml(doc.filename)}</a></td>
            <td scope="row">${escapeXml(doc.type)}</td>
            <td scope="row">${doc.bytes.length}</td>
         </tr>`,
  );
  rows.push(`         <tr${rows.length % 2 === 1 ? ' class="evenRow"' : ''}>
            <td scope="row">&nbsp;</td>
            <td scope="row">Complete submission text file</td>
            <td scope="row"><a href="${folder}/${filing.accessionNumber}.txt">${filing.accessionNumber}.txt</a></td>
            <td scope="row">&nbsp;</td>
            <td scope="row">${submissionSize(filing)}</td>
         </tr>`);
  const role = filing.form === 'UPLOAD' ? 'Filed for' : 'Filer';
  const fileNumber = filing.listedFileNumber
    ? ` | File No.: <a href="/cgi-bin/browse-edgar?filenum=${filing.listedFileNumber}&amp;action=getcompany"><strong>${filing.listedFileNumber}</strong></a>`
    : '';
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="Last-Modified" content="${lastModified}" />
<title>EDGAR Filing Documents for ${filing.accessionNumber}</title>
</head>
<body style="margin: 0; font-size: 16px; ">
<div id="contentDiv">
<!-- START FILING DIV -->
<div class="formDiv">
   <div id="formHeader">
      <div id="formName">
         <strong>Form ${escapeXml(filing.form)}</strong> - ${escapeXml(FORM_DESCRIPTIONS[filing.form] ?? filing.primaryDocDescription)}: 
      </div>
      <div id="secNum">
         <strong><acronym title="Securities and Exchange Commission">SEC</acronym> Accession <acronym title="Number">No.</acronym></strong> ${filing.accessionNumber}
      </div>
   </div>
   <div class="formContent">
   
      <div class="formGrouping">
         <div class="infoHead">Filing Date</div>
         <div class="info">${filing.filingDate}</div>
         <div class="infoHead">Accepted</div>
         <div class="info">${accepted}</div>
         <div class="infoHead">Documents</div>
         <div class="info">${filing.documents.length}</div>
      </div>
      <div style="clear:both"></div>
<!-- END FILING DIV -->
<!-- START DOCUMENT DIV -->
  </div>
    </div>
<div class="formDiv">
   <div style="padding: 0px 0px 4px 0px; font-size: 12px; margin: 0px 2px 0px 5px; width: 100%; overflow:hidden">
      <p>Document Format Files</p>
      <table class="tableFile" summary="Document Format Files">
         <tr>
            <th scope="col" style="width: 5%;"><acronym title="Sequence Number">Seq</acronym></th>
            <th scope="col" style="width: 40%;">Description</th>
            <th scope="col" style="width: 20%;">Document</th>
            <th scope="col" style="width: 10%;">Type</th>
            <th scope="col">Size</th>
         </tr>
${rows.join('\n')}
      </table>	
   </div>
</div>
<!-- END DOCUMENT DIV -->
<!-- START FILER DIV -->
<div class="filerDiv">
<div class="companyInfo">
  <span class="companyName">${escapeXml(company.name)} (${role})
 <acronym title="Central Index Key">CIK</acronym>: <a href="/cgi-bin/browse-edgar?CIK=${padCik(company.cik)}&amp;action=getcompany">${padCik(company.cik)} (see all company filings)</a></span>
<p class="identInfo">State of Incorp.: <strong>${company.stateOfIncorporation}</strong> | Fiscal Year End: <strong>${company.fiscalYearEnd}</strong><br />Type: <strong>${escapeXml(filing.form)}</strong>${fileNumber}<br /><acronym title="Standard Industrial Code">SIC</acronym>: <b><a href="/cgi-bin/browse-edgar?action=getcompany&amp;SIC=${company.sic}&amp;owner=include">${company.sic}</a></b> ${escapeXml(company.sicDescription)}</p>
</div>
<div class="clear"></div>
</div>
<!-- END FILER DIV -->
</div>
</body>
</html>
`;
}
