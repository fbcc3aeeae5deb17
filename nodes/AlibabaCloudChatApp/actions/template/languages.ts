import type { INodePropertyOptions } from 'n8n-workflow';

/** Template language codes CAMS accepts (cams-api.md 3.0). Case matters: en_US, not en-US. */
const LANGUAGES: Array<[string, string]> = [
	['af', 'Afrikaans'], ['sq', 'Albanian'], ['ar', 'Arabic'], ['az', 'Azerbaijani'], ['bn', 'Bengali'],
	['bg', 'Bulgarian'], ['ca', 'Catalan'], ['zh_CN', 'Chinese (China)'], ['zh_HK', 'Chinese (Hong Kong)'],
	['zh_TW', 'Chinese (Taiwan)'], ['hr', 'Croatian'], ['cs', 'Czech'], ['da', 'Danish'], ['nl', 'Dutch'],
	['en', 'English'], ['en_GB', 'English (UK)'], ['en_US', 'English (US)'], ['et', 'Estonian'],
	['fil', 'Filipino'], ['fi', 'Finnish'], ['fr', 'French'], ['de', 'German'], ['el', 'Greek'],
	['gu', 'Gujarati'], ['ha', 'Hausa'], ['he', 'Hebrew'], ['hi', 'Hindi'], ['hu', 'Hungarian'],
	['id', 'Indonesian'], ['ga', 'Irish'], ['it', 'Italian'], ['ja', 'Japanese'], ['kn', 'Kannada'],
	['kk', 'Kazakh'], ['ko', 'Korean'], ['lo', 'Lao'], ['lv', 'Latvian'], ['lt', 'Lithuanian'],
	['mk', 'Macedonian'], ['ms', 'Malay'], ['ml', 'Malayalam'], ['mr', 'Marathi'], ['nb', 'Norwegian'],
	['fa', 'Persian'], ['pl', 'Polish'], ['pt_BR', 'Portuguese (Brazil)'], ['pt_PT', 'Portuguese (Portugal)'],
	['pa', 'Punjabi'], ['ro', 'Romanian'], ['ru', 'Russian'], ['sr', 'Serbian'], ['sk', 'Slovak'],
	['sl', 'Slovenian'], ['es', 'Spanish'], ['es_AR', 'Spanish (Argentina)'], ['es_MX', 'Spanish (Mexico)'],
	['es_ES', 'Spanish (Spain)'], ['sw', 'Swahili'], ['sv', 'Swedish'], ['ta', 'Tamil'], ['te', 'Telugu'],
	['th', 'Thai'], ['tr', 'Turkish'], ['uk', 'Ukrainian'], ['ur', 'Urdu'], ['uz', 'Uzbek'],
	['vi', 'Vietnamese'], ['zu', 'Zulu'],
];

export const LANGUAGE_OPTIONS: INodePropertyOptions[] = LANGUAGES.map(([value, name]) => ({
	name: `${name} (${value})`,
	value,
}));
