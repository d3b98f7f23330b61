// SMART Forms page for the browser tests: renders /questionnaire.json and exposes the response.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { SmartFormsRenderer, getResponse } from '@aehrc/smart-forms-renderer';

async function main() {
  const language = new URLSearchParams(location.search).get('lang') || 'en';
  const questionnaire = await (await fetch(`/questionnaire.json?lang=${language}`)).json();
  window.questionnaire = questionnaire;
  // The page speaks the form's language: lang and dir for the browser and screen readers.
  document.documentElement.lang = questionnaire.language;
  document.documentElement.dir = questionnaire.language === 'ar' ? 'rtl' : 'ltr';
  await window.localiseRendererChrome(questionnaire.language);
  window.intakeResponse = () => {
    const response = structuredClone(getResponse());
    response.questionnaire = response.questionnaire || `${questionnaire.url}|${questionnaire.version}`;
    response.status = 'completed';
    response.authored = response.authored || new Date().toISOString();
    return response;
  };
  createRoot(document.getElementById('form')).render(
    // Contained ValueSets carry their expansions; point terminology at loopback, never outside.
    <SmartFormsRenderer questionnaire={questionnaire} terminologyServerUrl="http://127.0.0.1:9/fhir" />,
  );
  window.formReady = true;
}

main();
